from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
REGION_KIND_COUNTRY: RegionKind
REGION_KIND_GROUP_AVERAGE: RegionKind
REGION_KIND_MUNICIPALITY: RegionKind
REGION_KIND_UNSPECIFIED: RegionKind

class FormerCode(_message.Message):
    __slots__ = ["code", "last_year"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    LAST_YEAR_FIELD_NUMBER: _ClassVar[int]
    code: str
    last_year: int
    def __init__(self, code: _Optional[str] = ..., last_year: _Optional[int] = ...) -> None: ...

class Region(_message.Message):
    __slots__ = ["code", "former_codes", "kind", "member_codes", "name", "name_en"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    FORMER_CODES_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MEMBER_CODES_FIELD_NUMBER: _ClassVar[int]
    NAME_EN_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    code: str
    former_codes: _containers.RepeatedCompositeFieldContainer[FormerCode]
    kind: RegionKind
    member_codes: _containers.RepeatedScalarFieldContainer[str]
    name: str
    name_en: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[_Union[RegionKind, str]] = ..., former_codes: _Optional[_Iterable[_Union[FormerCode, _Mapping]]] = ..., member_codes: _Optional[_Iterable[str]] = ..., name_en: _Optional[str] = ...) -> None: ...

class RegionKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
