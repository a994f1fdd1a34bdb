from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

AGGREGATION_PLAIN_MEAN: Aggregation
AGGREGATION_PUBLISHED_ONLY: Aggregation
AGGREGATION_UNSPECIFIED: Aggregation
AGGREGATION_WEIGHTED: Aggregation
DESCRIPTOR: _descriptor.FileDescriptor
DIRECTION_HIGHER_COSTS_LESS: Direction
DIRECTION_HIGHER_COSTS_MORE: Direction
DIRECTION_HIGHER_IS_BETTER: Direction
DIRECTION_LOWER_IS_BETTER: Direction
DIRECTION_NEUTRAL: Direction
DIRECTION_UNSPECIFIED: Direction
UNIT_FRACTION: Unit
UNIT_HOURS: Unit
UNIT_INDEX: Unit
UNIT_NOK: Unit
UNIT_NUMBER: Unit
UNIT_PERCENT: Unit
UNIT_PERCENTAGE_POINTS: Unit
UNIT_POINTS: Unit
UNIT_THOUSAND_NOK: Unit
UNIT_UNSPECIFIED: Unit

class Indicator(_message.Message):
    __slots__ = ["aggregation", "decimals", "description", "direction", "id", "kostra_function", "name_en", "name_nb", "service", "ssb_content_code", "ssb_table", "unit"]
    AGGREGATION_FIELD_NUMBER: _ClassVar[int]
    DECIMALS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DIRECTION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KOSTRA_FUNCTION_FIELD_NUMBER: _ClassVar[int]
    NAME_EN_FIELD_NUMBER: _ClassVar[int]
    NAME_NB_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    SSB_CONTENT_CODE_FIELD_NUMBER: _ClassVar[int]
    SSB_TABLE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    aggregation: Aggregation
    decimals: int
    description: str
    direction: Direction
    id: str
    kostra_function: str
    name_en: str
    name_nb: str
    service: str
    ssb_content_code: str
    ssb_table: str
    unit: Unit
    def __init__(self, id: _Optional[str] = ..., name_nb: _Optional[str] = ..., name_en: _Optional[str] = ..., unit: _Optional[_Union[Unit, str]] = ..., kostra_function: _Optional[str] = ..., direction: _Optional[_Union[Direction, str]] = ..., aggregation: _Optional[_Union[Aggregation, str]] = ..., ssb_content_code: _Optional[str] = ..., ssb_table: _Optional[str] = ..., service: _Optional[str] = ..., decimals: _Optional[int] = ..., description: _Optional[str] = ...) -> None: ...

class Unit(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Direction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Aggregation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
