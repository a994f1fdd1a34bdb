from kostra.v1 import analysis_pb2 as _analysis_pb2
from kostra.v1 import indicator_pb2 as _indicator_pb2
from kostra.v1 import region_pb2 as _region_pb2
from kostra.v1 import series_pb2 as _series_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetSchemaRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class GetSchemaResponse(_message.Message):
    __slots__ = ["file_descriptor_set", "files"]
    FILES_FIELD_NUMBER: _ClassVar[int]
    FILE_DESCRIPTOR_SET_FIELD_NUMBER: _ClassVar[int]
    file_descriptor_set: bytes
    files: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, file_descriptor_set: _Optional[bytes] = ..., files: _Optional[_Iterable[str]] = ...) -> None: ...

class HealthCheckRequest(_message.Message):
    __slots__ = ["service"]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    service: str
    def __init__(self, service: _Optional[str] = ...) -> None: ...

class HealthCheckResponse(_message.Message):
    __slots__ = ["data_version", "server_version", "status", "years"]
    class ServingStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    DATA_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVING_STATUS_NOT_SERVING: HealthCheckResponse.ServingStatus
    SERVING_STATUS_SERVING: HealthCheckResponse.ServingStatus
    SERVING_STATUS_UNKNOWN: HealthCheckResponse.ServingStatus
    STATUS_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    data_version: str
    server_version: str
    status: HealthCheckResponse.ServingStatus
    years: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, status: _Optional[_Union[HealthCheckResponse.ServingStatus, str]] = ..., server_version: _Optional[str] = ..., data_version: _Optional[str] = ..., years: _Optional[_Iterable[int]] = ...) -> None: ...

class ListIndicatorsRequest(_message.Message):
    __slots__ = ["service"]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    service: str
    def __init__(self, service: _Optional[str] = ...) -> None: ...

class ListIndicatorsResponse(_message.Message):
    __slots__ = ["indicators"]
    INDICATORS_FIELD_NUMBER: _ClassVar[int]
    indicators: _containers.RepeatedCompositeFieldContainer[_indicator_pb2.Indicator]
    def __init__(self, indicators: _Optional[_Iterable[_Union[_indicator_pb2.Indicator, _Mapping]]] = ...) -> None: ...

class ListRegionsRequest(_message.Message):
    __slots__ = ["kind"]
    KIND_FIELD_NUMBER: _ClassVar[int]
    kind: _region_pb2.RegionKind
    def __init__(self, kind: _Optional[_Union[_region_pb2.RegionKind, str]] = ...) -> None: ...

class ListRegionsResponse(_message.Message):
    __slots__ = ["regions"]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    regions: _containers.RepeatedCompositeFieldContainer[_region_pb2.Region]
    def __init__(self, regions: _Optional[_Iterable[_Union[_region_pb2.Region, _Mapping]]] = ...) -> None: ...

class ReloadRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ReloadResponse(_message.Message):
    __slots__ = ["data_version", "previous_data_version", "years"]
    DATA_VERSION_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_DATA_VERSION_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    data_version: str
    previous_data_version: str
    years: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, data_version: _Optional[str] = ..., years: _Optional[_Iterable[int]] = ..., previous_data_version: _Optional[str] = ...) -> None: ...
