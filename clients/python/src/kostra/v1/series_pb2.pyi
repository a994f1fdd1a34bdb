from kostra.v1 import indicator_pb2 as _indicator_pb2
from kostra.v1 import region_pb2 as _region_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
FIGURE_STATUS_AS_PUBLISHED: FigureStatus
FIGURE_STATUS_FINAL: FigureStatus
FIGURE_STATUS_PRELIMINARY: FigureStatus
FIGURE_STATUS_UNSPECIFIED: FigureStatus
MISSING_REASON_NONE: MissingReason
MISSING_REASON_NOT_APPLICABLE: MissingReason
MISSING_REASON_NOT_AVAILABLE: MissingReason
MISSING_REASON_NOT_PUBLISHED: MissingReason
MISSING_REASON_OUTSIDE_DATA: MissingReason
MISSING_REASON_SUPPRESSED: MissingReason

class GetSeriesRequest(_message.Message):
    __slots__ = ["from_year", "include_history", "indicator_id", "regions", "to_year"]
    FROM_YEAR_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_HISTORY_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_ID_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    TO_YEAR_FIELD_NUMBER: _ClassVar[int]
    from_year: int
    include_history: bool
    indicator_id: str
    regions: _containers.RepeatedScalarFieldContainer[str]
    to_year: int
    def __init__(self, indicator_id: _Optional[str] = ..., regions: _Optional[_Iterable[str]] = ..., from_year: _Optional[int] = ..., to_year: _Optional[int] = ..., include_history: bool = ...) -> None: ...

class GetSeriesResponse(_message.Message):
    __slots__ = ["indicator", "regions", "series", "years"]
    INDICATOR_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    SERIES_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    indicator: _indicator_pb2.Indicator
    regions: _containers.RepeatedCompositeFieldContainer[_region_pb2.Region]
    series: _containers.RepeatedCompositeFieldContainer[Series]
    years: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, indicator: _Optional[_Union[_indicator_pb2.Indicator, _Mapping]] = ..., series: _Optional[_Iterable[_Union[Series, _Mapping]]] = ..., regions: _Optional[_Iterable[_Union[_region_pb2.Region, _Mapping]]] = ..., years: _Optional[_Iterable[int]] = ...) -> None: ...

class Observation(_message.Message):
    __slots__ = ["missing", "region_code", "reported_code", "source", "status", "value", "year"]
    MISSING_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    REPORTED_CODE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    missing: MissingReason
    region_code: str
    reported_code: str
    source: str
    status: FigureStatus
    value: float
    year: int
    def __init__(self, region_code: _Optional[str] = ..., year: _Optional[int] = ..., value: _Optional[float] = ..., missing: _Optional[_Union[MissingReason, str]] = ..., status: _Optional[_Union[FigureStatus, str]] = ..., source: _Optional[str] = ..., reported_code: _Optional[str] = ...) -> None: ...

class Series(_message.Message):
    __slots__ = ["history", "indicator_id", "observations", "region_code"]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_ID_FIELD_NUMBER: _ClassVar[int]
    OBSERVATIONS_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    history: _containers.RepeatedCompositeFieldContainer[Observation]
    indicator_id: str
    observations: _containers.RepeatedCompositeFieldContainer[Observation]
    region_code: str
    def __init__(self, indicator_id: _Optional[str] = ..., region_code: _Optional[str] = ..., observations: _Optional[_Iterable[_Union[Observation, _Mapping]]] = ..., history: _Optional[_Iterable[_Union[Observation, _Mapping]]] = ...) -> None: ...

class MissingReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class FigureStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
