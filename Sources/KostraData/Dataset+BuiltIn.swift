extension Dataset {
    /// The embedded file, parsed once.
    private static let builtInResult = Result<Dataset, DatasetError> { () throws(DatasetError) in
        try Dataset(jsonBytes: PackageResources.grunnskole_2025_json, name: "built-in")
    }

    /// The data built into the module: every figure of the grunnskole chapter of Bærum's
    /// KOSTRA analysis 2025, as published (Resources/grunnskole-2025.json; see docs/data.md).
    ///
    /// Parsed on first use and kept. It throws only if the embedded file is broken, which the
    /// module's tests rule out.
    public static func builtIn() throws(DatasetError) -> Dataset {
        try builtInResult.get()
    }
}
