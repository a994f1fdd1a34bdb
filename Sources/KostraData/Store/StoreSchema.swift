/// The data directory's database: its tables, and how figures' states are written in it.
///
/// One SQLite file, `DIR/kostra.sqlite`, in rollback-journal mode with full sync: an import is
/// one transaction, so a crash at any point leaves the previous version whole (SQLite's atomic
/// commit), and a server opens the file read-only. docs/data.md describes every table; the view
/// `observation` joins them into one readable row per figure for an analyst's own tools.
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
        CREATE TABLE figure (
            indicator INTEGER NOT NULL,
            region INTEGER NOT NULL,
            year INTEGER NOT NULL,
            value REAL,
            missing INTEGER,
            status INTEGER NOT NULL,
            source INTEGER NOT NULL,
            reported_code TEXT,
            version INTEGER NOT NULL,
            PRIMARY KEY (indicator, region, year)
        ) WITHOUT ROWID;
        CREATE TABLE revision (
            indicator INTEGER NOT NULL,
            region INTEGER NOT NULL,
            year INTEGER NOT NULL,
            value REAL,
            missing INTEGER,
            status INTEGER NOT NULL,
            source INTEGER NOT NULL,
            reported_code TEXT,
            version INTEGER NOT NULL,
            replaced_in INTEGER NOT NULL
        );
        CREATE INDEX revision_figure ON revision (indicator, region, year);
        CREATE TRIGGER figure_revised BEFORE UPDATE ON figure WHEN OLD.version < NEW.version
        BEGIN
            INSERT INTO revision VALUES (OLD.indicator, OLD.region, OLD.year, OLD.value, OLD.missing, OLD.status,
                OLD.source, OLD.reported_code, OLD.version, NEW.version);
        END;
        CREATE TABLE status_name (code INTEGER PRIMARY KEY, name TEXT NOT NULL);
        INSERT INTO status_name VALUES (0, 'as_published'), (1, 'preliminary'), (2, 'final');
        CREATE TABLE missing_name (code INTEGER PRIMARY KEY, name TEXT NOT NULL, ssb_symbol TEXT NOT NULL);
        INSERT INTO missing_name VALUES (1, 'not_available', '..'), (2, 'suppressed', ':'), (3, 'not_applicable', '.'),
            (4, 'not_published', '');
        CREATE VIEW observation AS
            SELECT indicator.key AS indicator, region.code AS region, figure.year AS year, figure.value AS value,
                missing_name.name AS missing, status_name.name AS status, source.text AS source,
                figure.reported_code AS reported_code, figure.version AS version
            FROM figure
            JOIN indicator ON indicator.id = figure.indicator
            JOIN region ON region.id = figure.region
            JOIN source ON source.id = figure.source
            JOIN status_name ON status_name.code = figure.status
            LEFT JOIN missing_name ON missing_name.code = figure.missing;
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
