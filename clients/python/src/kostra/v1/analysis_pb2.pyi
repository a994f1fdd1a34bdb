from kostra.v1 import indicator_pb2 as _indicator_pb2
from kostra.v1 import region_pb2 as _region_pb2
from kostra.v1 import series_pb2 as _series_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

ANALYSIS_METHOD_COMPARISON: AnalysisMethod
ANALYSIS_METHOD_GROUP_AVERAGE: AnalysisMethod
ANALYSIS_METHOD_PRODUCTION_CHANGE: AnalysisMethod
ANALYSIS_METHOD_PRODUCTION_INDEX: AnalysisMethod
ANALYSIS_METHOD_PUBLISHED: AnalysisMethod
ANALYSIS_METHOD_RELATIVE_EFFICIENCY: AnalysisMethod
ANALYSIS_METHOD_RESOURCE_USE: AnalysisMethod
ANALYSIS_METHOD_SERVICE_PROFILE: AnalysisMethod
ANALYSIS_METHOD_TEACHER_NORM: AnalysisMethod
ANALYSIS_METHOD_UNSPECIFIED: AnalysisMethod
DESCRIPTOR: _descriptor.FileDescriptor
FAVOURABILITY_EQUAL: Favourability
FAVOURABILITY_FAVOURABLE: Favourability
FAVOURABILITY_NOT_JUDGED: Favourability
FAVOURABILITY_UNFAVOURABLE: Favourability
FAVOURABILITY_UNKNOWN: Favourability
FAVOURABILITY_UNSPECIFIED: Favourability
MEMBER_STATUS_COUNTED: MemberStatus
MEMBER_STATUS_EXCLUDED: MemberStatus
MEMBER_STATUS_NOT_AVERAGED: MemberStatus
MEMBER_STATUS_NO_VALUE: MemberStatus
MEMBER_STATUS_NO_WEIGHT: MemberStatus
MEMBER_STATUS_UNSPECIFIED: MemberStatus
PRODUCTION_COMPONENT_KIND_LEARNING_ENVIRONMENT: ProductionComponentKind
PRODUCTION_COMPONENT_KIND_SCHOOL_CONTRIBUTION: ProductionComponentKind
PRODUCTION_COMPONENT_KIND_SHARE: ProductionComponentKind
PRODUCTION_COMPONENT_KIND_UNSPECIFIED: ProductionComponentKind
RANK_PLACE_ALL_EQUAL: RankPlace
RANK_PLACE_BETWEEN: RankPlace
RANK_PLACE_HIGHEST: RankPlace
RANK_PLACE_LOWEST: RankPlace
RANK_PLACE_ONLY: RankPlace
RANK_PLACE_SECOND_HIGHEST: RankPlace
RANK_PLACE_SECOND_LOWEST: RankPlace
RANK_PLACE_UNSPECIFIED: RankPlace

class AnalysisInput(_message.Message):
    __slots__ = ["indicator_id", "region_code", "source", "status", "value", "year"]
    INDICATOR_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    indicator_id: str
    region_code: str
    source: str
    status: _series_pb2.FigureStatus
    value: float
    year: int
    def __init__(self, indicator_id: _Optional[str] = ..., region_code: _Optional[str] = ..., year: _Optional[int] = ..., value: _Optional[float] = ..., status: _Optional[_Union[_series_pb2.FigureStatus, str]] = ..., source: _Optional[str] = ...) -> None: ...

class CompareRequest(_message.Message):
    __slots__ = ["from_year", "indicator_id", "rank_group", "region", "to_year"]
    FROM_YEAR_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_ID_FIELD_NUMBER: _ClassVar[int]
    RANK_GROUP_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    TO_YEAR_FIELD_NUMBER: _ClassVar[int]
    WITH_FIELD_NUMBER: _ClassVar[int]
    from_year: int
    indicator_id: str
    rank_group: str
    region: str
    to_year: int
    def __init__(self, region: _Optional[str] = ..., indicator_id: _Optional[str] = ..., from_year: _Optional[int] = ..., to_year: _Optional[int] = ..., rank_group: _Optional[str] = ..., **kwargs) -> None: ...

class CompareResponse(_message.Message):
    __slots__ = ["indicators", "others", "rank_group", "region", "years"]
    INDICATORS_FIELD_NUMBER: _ClassVar[int]
    OTHERS_FIELD_NUMBER: _ClassVar[int]
    RANK_GROUP_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    indicators: _containers.RepeatedCompositeFieldContainer[IndicatorComparison]
    others: _containers.RepeatedCompositeFieldContainer[_region_pb2.Region]
    rank_group: _region_pb2.Region
    region: _region_pb2.Region
    years: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., others: _Optional[_Iterable[_Union[_region_pb2.Region, _Mapping]]] = ..., rank_group: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., years: _Optional[_Iterable[int]] = ..., indicators: _Optional[_Iterable[_Union[IndicatorComparison, _Mapping]]] = ...) -> None: ...

class ComparedSeries(_message.Message):
    __slots__ = ["period", "region", "years"]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    period: ValueChange
    region: _region_pb2.Region
    years: _containers.RepeatedCompositeFieldContainer[ComparedYear]
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., years: _Optional[_Iterable[_Union[ComparedYear, _Mapping]]] = ..., period: _Optional[_Union[ValueChange, _Mapping]] = ...) -> None: ...

class ComparedYear(_message.Message):
    __slots__ = ["change_from_year_before", "missing_reason", "rank", "rank_note", "value", "year"]
    CHANGE_FROM_YEAR_BEFORE_FIELD_NUMBER: _ClassVar[int]
    MISSING_REASON_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    RANK_NOTE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    change_from_year_before: ValueChange
    missing_reason: str
    rank: GroupRank
    rank_note: str
    value: float
    year: int
    def __init__(self, year: _Optional[int] = ..., value: _Optional[float] = ..., missing_reason: _Optional[str] = ..., change_from_year_before: _Optional[_Union[ValueChange, _Mapping]] = ..., rank: _Optional[_Union[GroupRank, _Mapping]] = ..., rank_note: _Optional[str] = ...) -> None: ...

class ComparisonDifference(_message.Message):
    __slots__ = ["absolute", "assessment", "index", "other_region_code", "relative", "year"]
    ABSOLUTE_FIELD_NUMBER: _ClassVar[int]
    ASSESSMENT_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    OTHER_REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    RELATIVE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    absolute: Figure
    assessment: Favourability
    index: Figure
    other_region_code: str
    relative: Figure
    year: int
    def __init__(self, other_region_code: _Optional[str] = ..., year: _Optional[int] = ..., absolute: _Optional[_Union[Figure, _Mapping]] = ..., relative: _Optional[_Union[Figure, _Mapping]] = ..., index: _Optional[_Union[Figure, _Mapping]] = ..., assessment: _Optional[_Union[Favourability, str]] = ...) -> None: ...

class EfficiencyResponse(_message.Message):
    __slots__ = ["agrees_with_published", "change", "difference_from_published", "efficiency", "expenditure_index", "previous_efficiency", "production_index", "published", "published_change", "region", "year"]
    AGREES_WITH_PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCE_FROM_PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    EFFICIENCY_FIELD_NUMBER: _ClassVar[int]
    EXPENDITURE_INDEX_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_EFFICIENCY_FIELD_NUMBER: _ClassVar[int]
    PRODUCTION_INDEX_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_CHANGE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    agrees_with_published: bool
    change: Figure
    difference_from_published: Figure
    efficiency: Figure
    expenditure_index: Figure
    previous_efficiency: Figure
    production_index: Figure
    published: Figure
    published_change: Figure
    region: _region_pb2.Region
    year: int
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., year: _Optional[int] = ..., production_index: _Optional[_Union[Figure, _Mapping]] = ..., expenditure_index: _Optional[_Union[Figure, _Mapping]] = ..., efficiency: _Optional[_Union[Figure, _Mapping]] = ..., published: _Optional[_Union[Figure, _Mapping]] = ..., difference_from_published: _Optional[_Union[Figure, _Mapping]] = ..., agrees_with_published: bool = ..., previous_efficiency: _Optional[_Union[Figure, _Mapping]] = ..., change: _Optional[_Union[Figure, _Mapping]] = ..., published_change: _Optional[_Union[Figure, _Mapping]] = ...) -> None: ...

class Figure(_message.Message):
    __slots__ = ["missing_reason", "provenance", "unit", "value"]
    MISSING_REASON_FIELD_NUMBER: _ClassVar[int]
    PROVENANCE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    missing_reason: str
    provenance: Provenance
    unit: _indicator_pb2.Unit
    value: float
    def __init__(self, value: _Optional[float] = ..., unit: _Optional[_Union[_indicator_pb2.Unit, str]] = ..., provenance: _Optional[_Union[Provenance, _Mapping]] = ..., missing_reason: _Optional[str] = ...) -> None: ...

class GetGroupAverageRequest(_message.Message):
    __slots__ = ["excluding", "group", "indicator_id", "year"]
    EXCLUDING_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    excluding: _containers.RepeatedScalarFieldContainer[str]
    group: str
    indicator_id: str
    year: int
    def __init__(self, group: _Optional[str] = ..., indicator_id: _Optional[str] = ..., year: _Optional[int] = ..., excluding: _Optional[_Iterable[str]] = ...) -> None: ...

class GetGroupAverageResponse(_message.Message):
    __slots__ = ["aggregation", "computed", "counted", "coverage_note", "difference", "group", "indicator", "members", "members_with_value", "published", "with_oslo", "without_oslo", "year"]
    AGGREGATION_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_FIELD_NUMBER: _ClassVar[int]
    COUNTED_FIELD_NUMBER: _ClassVar[int]
    COVERAGE_NOTE_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCE_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_WITH_VALUE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    WITHOUT_OSLO_FIELD_NUMBER: _ClassVar[int]
    WITH_OSLO_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    aggregation: _indicator_pb2.Aggregation
    computed: Figure
    counted: int
    coverage_note: str
    difference: Figure
    group: _region_pb2.Region
    indicator: _indicator_pb2.Indicator
    members: _containers.RepeatedCompositeFieldContainer[GroupMember]
    members_with_value: int
    published: Figure
    with_oslo: Figure
    without_oslo: Figure
    year: int
    def __init__(self, group: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., indicator: _Optional[_Union[_indicator_pb2.Indicator, _Mapping]] = ..., year: _Optional[int] = ..., aggregation: _Optional[_Union[_indicator_pb2.Aggregation, str]] = ..., members: _Optional[_Iterable[_Union[GroupMember, _Mapping]]] = ..., computed: _Optional[_Union[Figure, _Mapping]] = ..., with_oslo: _Optional[_Union[Figure, _Mapping]] = ..., without_oslo: _Optional[_Union[Figure, _Mapping]] = ..., published: _Optional[_Union[Figure, _Mapping]] = ..., difference: _Optional[_Union[Figure, _Mapping]] = ..., members_with_value: _Optional[int] = ..., counted: _Optional[int] = ..., coverage_note: _Optional[str] = ...) -> None: ...

class GetProfileRequest(_message.Message):
    __slots__ = ["reference", "region", "service", "year"]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    reference: str
    region: str
    service: str
    year: int
    def __init__(self, region: _Optional[str] = ..., year: _Optional[int] = ..., reference: _Optional[str] = ..., service: _Optional[str] = ...) -> None: ...

class GetProfileResponse(_message.Message):
    __slots__ = ["reference", "region", "rows", "year"]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    reference: _region_pb2.Region
    region: _region_pb2.Region
    rows: _containers.RepeatedCompositeFieldContainer[ProfileRow]
    year: int
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., reference: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., year: _Optional[int] = ..., rows: _Optional[_Iterable[_Union[ProfileRow, _Mapping]]] = ...) -> None: ...

class GroupMember(_message.Message):
    __slots__ = ["note", "region", "status", "value", "weight"]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    note: str
    region: _region_pb2.Region
    status: MemberStatus
    value: float
    weight: float
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., value: _Optional[float] = ..., weight: _Optional[float] = ..., status: _Optional[_Union[MemberStatus, str]] = ..., note: _Optional[str] = ...) -> None: ...

class GroupRank(_message.Message):
    __slots__ = ["from_highest", "from_lowest", "group", "members", "members_without_value", "place", "ranked", "tied_with", "year"]
    FROM_HIGHEST_FIELD_NUMBER: _ClassVar[int]
    FROM_LOWEST_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_WITHOUT_VALUE_FIELD_NUMBER: _ClassVar[int]
    PLACE_FIELD_NUMBER: _ClassVar[int]
    RANKED_FIELD_NUMBER: _ClassVar[int]
    TIED_WITH_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    from_highest: int
    from_lowest: int
    group: str
    members: int
    members_without_value: _containers.RepeatedScalarFieldContainer[str]
    place: RankPlace
    ranked: int
    tied_with: _containers.RepeatedScalarFieldContainer[str]
    year: int
    def __init__(self, group: _Optional[str] = ..., year: _Optional[int] = ..., from_lowest: _Optional[int] = ..., from_highest: _Optional[int] = ..., ranked: _Optional[int] = ..., members: _Optional[int] = ..., tied_with: _Optional[_Iterable[str]] = ..., members_without_value: _Optional[_Iterable[str]] = ..., place: _Optional[_Union[RankPlace, str]] = ...) -> None: ...

class IndicatorComparison(_message.Message):
    __slots__ = ["differences", "indicator", "series", "years"]
    DIFFERENCES_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_FIELD_NUMBER: _ClassVar[int]
    SERIES_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    differences: _containers.RepeatedCompositeFieldContainer[ComparisonDifference]
    indicator: _indicator_pb2.Indicator
    series: _containers.RepeatedCompositeFieldContainer[ComparedSeries]
    years: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, indicator: _Optional[_Union[_indicator_pb2.Indicator, _Mapping]] = ..., years: _Optional[_Iterable[int]] = ..., series: _Optional[_Iterable[_Union[ComparedSeries, _Mapping]]] = ..., differences: _Optional[_Iterable[_Union[ComparisonDifference, _Mapping]]] = ...) -> None: ...

class ProductionChange(_message.Message):
    __slots__ = ["components", "published", "region", "total", "weight_used"]
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_USED_FIELD_NUMBER: _ClassVar[int]
    components: _containers.RepeatedCompositeFieldContainer[ProductionChangeComponent]
    published: Figure
    region: _region_pb2.Region
    total: Figure
    weight_used: float
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., components: _Optional[_Iterable[_Union[ProductionChangeComponent, _Mapping]]] = ..., weight_used: _Optional[float] = ..., total: _Optional[_Union[Figure, _Mapping]] = ..., published: _Optional[_Union[Figure, _Mapping]] = ...) -> None: ...

class ProductionChangeComponent(_message.Message):
    __slots__ = ["change", "indicator_id", "kind", "label", "weight"]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    change: Figure
    indicator_id: str
    kind: ProductionComponentKind
    label: str
    weight: float
    def __init__(self, indicator_id: _Optional[str] = ..., label: _Optional[str] = ..., kind: _Optional[_Union[ProductionComponentKind, str]] = ..., weight: _Optional[float] = ..., change: _Optional[_Union[Figure, _Mapping]] = ...) -> None: ...

class ProductionChangeResponse(_message.Message):
    __slots__ = ["base_year", "municipality", "reference", "reference_change", "region", "weights_source", "year"]
    BASE_YEAR_FIELD_NUMBER: _ClassVar[int]
    MUNICIPALITY_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_CHANGE_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    WEIGHTS_SOURCE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    base_year: int
    municipality: ProductionChange
    reference: _region_pb2.Region
    reference_change: ProductionChange
    region: _region_pb2.Region
    weights_source: str
    year: int
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., reference: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., year: _Optional[int] = ..., base_year: _Optional[int] = ..., weights_source: _Optional[str] = ..., municipality: _Optional[_Union[ProductionChange, _Mapping]] = ..., reference_change: _Optional[_Union[ProductionChange, _Mapping]] = ...) -> None: ...

class ProductionComponent(_message.Message):
    __slots__ = ["contribution", "indicator_id", "kind", "label", "published_score", "reference_value", "score", "value", "weight"]
    CONTRIBUTION_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_SCORE_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_VALUE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    contribution: Figure
    indicator_id: str
    kind: ProductionComponentKind
    label: str
    published_score: Figure
    reference_value: Figure
    score: Figure
    value: Figure
    weight: float
    def __init__(self, indicator_id: _Optional[str] = ..., label: _Optional[str] = ..., kind: _Optional[_Union[ProductionComponentKind, str]] = ..., weight: _Optional[float] = ..., value: _Optional[_Union[Figure, _Mapping]] = ..., reference_value: _Optional[_Union[Figure, _Mapping]] = ..., score: _Optional[_Union[Figure, _Mapping]] = ..., published_score: _Optional[_Union[Figure, _Mapping]] = ..., contribution: _Optional[_Union[Figure, _Mapping]] = ...) -> None: ...

class ProductionIndexResponse(_message.Message):
    __slots__ = ["components", "published_total", "reference", "region", "total", "weight_sum", "weights_source", "year"]
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_TOTAL_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    WEIGHTS_SOURCE_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_SUM_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    components: _containers.RepeatedCompositeFieldContainer[ProductionComponent]
    published_total: Figure
    reference: _region_pb2.Region
    region: _region_pb2.Region
    total: Figure
    weight_sum: float
    weights_source: str
    year: int
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., reference: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., year: _Optional[int] = ..., components: _Optional[_Iterable[_Union[ProductionComponent, _Mapping]]] = ..., weight_sum: _Optional[float] = ..., weights_source: _Optional[str] = ..., total: _Optional[_Union[Figure, _Mapping]] = ..., published_total: _Optional[_Union[Figure, _Mapping]] = ...) -> None: ...

class ProfileRow(_message.Message):
    __slots__ = ["index", "indicator", "reference_value", "value"]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_VALUE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    index: Figure
    indicator: _indicator_pb2.Indicator
    reference_value: float
    value: float
    def __init__(self, indicator: _Optional[_Union[_indicator_pb2.Indicator, _Mapping]] = ..., value: _Optional[float] = ..., reference_value: _Optional[float] = ..., index: _Optional[_Union[Figure, _Mapping]] = ...) -> None: ...

class Provenance(_message.Message):
    __slots__ = ["formula", "inputs", "method", "published", "source", "status"]
    FORMULA_FIELD_NUMBER: _ClassVar[int]
    INPUTS_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    formula: str
    inputs: _containers.RepeatedCompositeFieldContainer[AnalysisInput]
    method: AnalysisMethod
    published: bool
    source: str
    status: _series_pb2.FigureStatus
    def __init__(self, method: _Optional[_Union[AnalysisMethod, str]] = ..., formula: _Optional[str] = ..., inputs: _Optional[_Iterable[_Union[AnalysisInput, _Mapping]]] = ..., published: bool = ..., source: _Optional[str] = ..., status: _Optional[_Union[_series_pb2.FigureStatus, str]] = ...) -> None: ...

class RegionYearRequest(_message.Message):
    __slots__ = ["region", "year"]
    REGION_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    region: str
    year: int
    def __init__(self, region: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class ResourceUseMember(_message.Message):
    __slots__ = ["ratio", "region"]
    RATIO_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    ratio: Figure
    region: _region_pb2.Region
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., ratio: _Optional[_Union[Figure, _Mapping]] = ...) -> None: ...

class ResourceUseResponse(_message.Message):
    __slots__ = ["deviation_percent", "index", "kroner_per_inhabitant", "mean_difference", "mean_ratio", "members", "published_index", "published_kroner_per_inhabitant", "published_mean_ratio", "ratio", "reference", "region", "year"]
    DEVIATION_PERCENT_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    KRONER_PER_INHABITANT_FIELD_NUMBER: _ClassVar[int]
    MEAN_DIFFERENCE_FIELD_NUMBER: _ClassVar[int]
    MEAN_RATIO_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_INDEX_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_KRONER_PER_INHABITANT_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_MEAN_RATIO_FIELD_NUMBER: _ClassVar[int]
    RATIO_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    deviation_percent: Figure
    index: Figure
    kroner_per_inhabitant: Figure
    mean_difference: Figure
    mean_ratio: Figure
    members: _containers.RepeatedCompositeFieldContainer[ResourceUseMember]
    published_index: Figure
    published_kroner_per_inhabitant: Figure
    published_mean_ratio: Figure
    ratio: Figure
    reference: _region_pb2.Region
    region: _region_pb2.Region
    year: int
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., reference: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., year: _Optional[int] = ..., ratio: _Optional[_Union[Figure, _Mapping]] = ..., members: _Optional[_Iterable[_Union[ResourceUseMember, _Mapping]]] = ..., mean_ratio: _Optional[_Union[Figure, _Mapping]] = ..., published_mean_ratio: _Optional[_Union[Figure, _Mapping]] = ..., mean_difference: _Optional[_Union[Figure, _Mapping]] = ..., index: _Optional[_Union[Figure, _Mapping]] = ..., published_index: _Optional[_Union[Figure, _Mapping]] = ..., deviation_percent: _Optional[_Union[Figure, _Mapping]] = ..., kroner_per_inhabitant: _Optional[_Union[Figure, _Mapping]] = ..., published_kroner_per_inhabitant: _Optional[_Union[Figure, _Mapping]] = ...) -> None: ...

class Statement(_message.Message):
    __slots__ = ["base_year", "figures", "group", "id", "indicator_id", "kind", "published", "regions", "source", "subject", "text_en", "text_nb", "year"]
    BASE_YEAR_FIELD_NUMBER: _ClassVar[int]
    FIGURES_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    TEXT_EN_FIELD_NUMBER: _ClassVar[int]
    TEXT_NB_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    base_year: int
    figures: _containers.RepeatedCompositeFieldContainer[StatementFigure]
    group: _region_pb2.Region
    id: str
    indicator_id: str
    kind: str
    published: bool
    regions: _containers.RepeatedCompositeFieldContainer[_region_pb2.Region]
    source: str
    subject: _region_pb2.Region
    text_en: str
    text_nb: str
    year: int
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., subject: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., regions: _Optional[_Iterable[_Union[_region_pb2.Region, _Mapping]]] = ..., group: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., indicator_id: _Optional[str] = ..., year: _Optional[int] = ..., base_year: _Optional[int] = ..., figures: _Optional[_Iterable[_Union[StatementFigure, _Mapping]]] = ..., text_nb: _Optional[str] = ..., text_en: _Optional[str] = ..., source: _Optional[str] = ..., published: bool = ...) -> None: ...

class StatementFigure(_message.Message):
    __slots__ = ["decimals", "figure", "region_code", "role"]
    DECIMALS_FIELD_NUMBER: _ClassVar[int]
    FIGURE_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    decimals: int
    figure: Figure
    region_code: str
    role: str
    def __init__(self, role: _Optional[str] = ..., region_code: _Optional[str] = ..., figure: _Optional[_Union[Figure, _Mapping]] = ..., decimals: _Optional[int] = ...) -> None: ...

class StatementsResponse(_message.Message):
    __slots__ = ["region", "statements", "year"]
    REGION_FIELD_NUMBER: _ClassVar[int]
    STATEMENTS_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    region: _region_pb2.Region
    statements: _containers.RepeatedCompositeFieldContainer[Statement]
    year: int
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., year: _Optional[int] = ..., statements: _Optional[_Iterable[_Union[Statement, _Mapping]]] = ...) -> None: ...

class TeacherNormBand(_message.Message):
    __slots__ = ["first_grade", "group_size", "indicator_id", "last_grade", "legal_maximum", "margin", "within_norm"]
    FIRST_GRADE_FIELD_NUMBER: _ClassVar[int]
    GROUP_SIZE_FIELD_NUMBER: _ClassVar[int]
    INDICATOR_ID_FIELD_NUMBER: _ClassVar[int]
    LAST_GRADE_FIELD_NUMBER: _ClassVar[int]
    LEGAL_MAXIMUM_FIELD_NUMBER: _ClassVar[int]
    MARGIN_FIELD_NUMBER: _ClassVar[int]
    WITHIN_NORM_FIELD_NUMBER: _ClassVar[int]
    first_grade: int
    group_size: Figure
    indicator_id: str
    last_grade: int
    legal_maximum: Figure
    margin: Figure
    within_norm: bool
    def __init__(self, first_grade: _Optional[int] = ..., last_grade: _Optional[int] = ..., indicator_id: _Optional[str] = ..., group_size: _Optional[_Union[Figure, _Mapping]] = ..., legal_maximum: _Optional[_Union[Figure, _Mapping]] = ..., margin: _Optional[_Union[Figure, _Mapping]] = ..., within_norm: bool = ...) -> None: ...

class TeacherNormResponse(_message.Message):
    __slots__ = ["assumes_equal_grades", "bands", "norm_arithmetic", "norm_harmonic", "overall_group_size", "overall_margin", "overall_margin_harmonic", "region", "year"]
    ASSUMES_EQUAL_GRADES_FIELD_NUMBER: _ClassVar[int]
    BANDS_FIELD_NUMBER: _ClassVar[int]
    NORM_ARITHMETIC_FIELD_NUMBER: _ClassVar[int]
    NORM_HARMONIC_FIELD_NUMBER: _ClassVar[int]
    OVERALL_GROUP_SIZE_FIELD_NUMBER: _ClassVar[int]
    OVERALL_MARGIN_FIELD_NUMBER: _ClassVar[int]
    OVERALL_MARGIN_HARMONIC_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    assumes_equal_grades: bool
    bands: _containers.RepeatedCompositeFieldContainer[TeacherNormBand]
    norm_arithmetic: Figure
    norm_harmonic: Figure
    overall_group_size: Figure
    overall_margin: Figure
    overall_margin_harmonic: Figure
    region: _region_pb2.Region
    year: int
    def __init__(self, region: _Optional[_Union[_region_pb2.Region, _Mapping]] = ..., year: _Optional[int] = ..., bands: _Optional[_Iterable[_Union[TeacherNormBand, _Mapping]]] = ..., overall_group_size: _Optional[_Union[Figure, _Mapping]] = ..., norm_arithmetic: _Optional[_Union[Figure, _Mapping]] = ..., norm_harmonic: _Optional[_Union[Figure, _Mapping]] = ..., assumes_equal_grades: bool = ..., overall_margin: _Optional[_Union[Figure, _Mapping]] = ..., overall_margin_harmonic: _Optional[_Union[Figure, _Mapping]] = ...) -> None: ...

class ValueChange(_message.Message):
    __slots__ = ["absolute", "assessment", "from_year", "percent", "to_year", "years_without_value"]
    ABSOLUTE_FIELD_NUMBER: _ClassVar[int]
    ASSESSMENT_FIELD_NUMBER: _ClassVar[int]
    FROM_YEAR_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    TO_YEAR_FIELD_NUMBER: _ClassVar[int]
    YEARS_WITHOUT_VALUE_FIELD_NUMBER: _ClassVar[int]
    absolute: Figure
    assessment: Favourability
    from_year: int
    percent: Figure
    to_year: int
    years_without_value: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, from_year: _Optional[int] = ..., to_year: _Optional[int] = ..., absolute: _Optional[_Union[Figure, _Mapping]] = ..., percent: _Optional[_Union[Figure, _Mapping]] = ..., assessment: _Optional[_Union[Favourability, str]] = ..., years_without_value: _Optional[_Iterable[int]] = ...) -> None: ...

class AnalysisMethod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Favourability(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RankPlace(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class MemberStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ProductionComponentKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
