/// The data directory's database: its tables, and how figures' states are written in it.
///
/// One SQLite file, `DIR/kostra.sqlite`, in rollback-journal mode with full sync: an import is
/// one transaction, so a crash at any point leaves the previous version whole (SQLite's atomic
/// commit), and a server opens the file read-only. A row of `series` holds one region's figures
/// of one indicator, a cell per year (`SeriesRow`): a tenth of the rows and bytes of a row per
/// figure. A row an import changes is first copied to `series_revision` (`replaced_in` the
/// version that changed it), which gives both the history of every figure and the data as it
/// stood at any version. docs/data.md describes every table; the view `observation` unpacks
/// them into one readable row per figure for an analyst's own tools (SQLite's JSON functions).
enum StoreSchema {
    /// The file's name in the data directory.
    static let fileName = "kostra.sqlite"
    /// `PRAGMA application_id`: "KOST", so that a foreign SQLite file is told apart.
    static let applicationId: Int64 = 0x4B4F_5354
    /// `PRAGMA user_version`: the layout's version.
    static let layoutVersion: Int64 = 2

    /// Makes the tables of a new store.
    static let create = """
        PRAGMA application_id = \(applicationId);
        PRAGMA user_version = \(layoutVersion);
        CREATE TABLE version (
            number INTEGER PRIMARY KEY,
            imported_at TEXT NOT NULL,
            status TEXT NOT NULL,
            figures INTEGER NOT NULL,
            years TEXT NOT NULL
        );
        CREATE TABLE source_file (
            version INTEGER NOT NULL,
            position INTEGER NOT NULL,
            file_name TEXT NOT NULL,
            format TEXT NOT NULL,
            cells INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            PRIMARY KEY (version, position)
        ) WITHOUT ROWID;
        CREATE TABLE region (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE TABLE former_code (
            code TEXT PRIMARY KEY,
            region INTEGER NOT NULL REFERENCES region (id),
            last_year INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE indicator (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name_nb TEXT NOT NULL,
            name_en TEXT NOT NULL,
            unit TEXT NOT NULL,
            direction TEXT NOT NULL,
            aggregation TEXT NOT NULL,
            ssb_content_code TEXT,
            ssb_table TEXT,
            service TEXT NOT NULL,
            decimals INTEGER NOT NULL,
            description TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX indicator_content_code ON indicator (ssb_content_code);
        CREATE TABLE source (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL
        );
        CREATE TABLE series (
            indicator INTEGER NOT NULL,
            region INTEGER NOT NULL,
            first_year INTEGER NOT NULL,
            value TEXT NOT NULL,
            state TEXT NOT NULL,
            source TEXT NOT NULL,
            reported_code TEXT,
            version INTEGER NOT NULL,
            PRIMARY KEY (indicator, region)
        ) WITHOUT ROWID;
        CREATE TABLE series_revision (
            indicator INTEGER NOT NULL,
            region INTEGER NOT NULL,
            first_year INTEGER NOT NULL,
            value TEXT NOT NULL,
            state TEXT NOT NULL,
            source TEXT NOT NULL,
            reported_code TEXT,
            version INTEGER NOT NULL,
            replaced_in INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (indicator, region, seq)
        ) WITHOUT ROWID;
        CREATE TABLE membership (
            group_code TEXT NOT NULL,
            version INTEGER NOT NULL,
            members TEXT NOT NULL,
            PRIMARY KEY (group_code, version)
        ) WITHOUT ROWID;
        CREATE TABLE indicator_rule (
            content_code TEXT NOT NULL,
            version INTEGER NOT NULL,
            aggregation TEXT,
            weight_content_code TEXT,
            direction TEXT,
            PRIMARY KEY (content_code, version)
        ) WITHOUT ROWID;
        CREATE TABLE status_name (code INTEGER PRIMARY KEY, name TEXT NOT NULL);
        INSERT INTO status_name VALUES (0, 'as_published'), (1, 'preliminary'), (2, 'final');
        CREATE TABLE missing_name (code INTEGER PRIMARY KEY, name TEXT NOT NULL, ssb_symbol TEXT NOT NULL);
        INSERT INTO missing_name VALUES (1, 'not_available', '..'), (2, 'suppressed', ':'), (3, 'not_applicable', '.'),
            (4, 'not_published', '');
        CREATE VIEW observation AS
            SELECT indicator.key AS indicator, region.code AS region, cell.year AS year,
                CASE WHEN cell.state & 7 = 1 THEN cell.value END AS value,
                missing_name.name AS missing, status_name.name AS status, source.text AS source,
                cell.reported_code AS reported_code, cell.version AS version
            FROM (
                SELECT s.indicator AS indicator, s.region AS region, s.first_year + j.key AS year, j.value AS value,
                    unicode(substr(s.state, j.key + 1, 1)) - 48 AS state,
                    CASE WHEN json_type(s.source) = 'array' THEN json_extract(s.source, '$[' || j.key || ']') ELSE CAST(s.source AS INTEGER) END AS source,
                    CASE WHEN s.reported_code IS NULL THEN NULL ELSE json_extract(s.reported_code, '$[' || j.key || ']') END AS reported_code,
                    s.version AS version
                FROM series AS s, json_each(s.value) AS j
            ) AS cell
            JOIN indicator ON indicator.id = cell.indicator
            JOIN region ON region.id = cell.region
            JOIN source ON source.id = cell.source
            JOIN status_name ON status_name.code = (cell.state >> 3) & 3
            LEFT JOIN missing_name ON missing_name.code = (cell.state & 7) - 1
            WHERE cell.state & 7 != 0;
        """

    /// A status as stored.
    static func code(_ status: FigureStatus) -> Int64 {
        switch status {
        case .asPublished: 0
        case .preliminary: 1
        case .final: 2
        }
    }

    /// A stored status.
    static func status(_ code: Int64) -> FigureStatus {
        switch code {
        case 1: .preliminary
        case 2: .final
        default: .asPublished
        }
    }

    /// A missing reason as stored (NULL: a value).
    static func code(_ missing: MissingReason?) -> Int64? {
        switch missing {
        case nil: nil
        case .notAvailable: 1
        case .suppressed: 2
        case .notApplicable: 3
        case .notPublished: 4
        }
    }

    /// A stored missing reason.
    static func missing(_ code: Int64) -> MissingReason {
        switch code {
        case 1: .notAvailable
        case 2: .suppressed
        case 3: .notApplicable
        default: .notPublished
        }
    }
}
