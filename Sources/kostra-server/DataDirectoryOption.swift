import ArgumentParser

/// `--data DIR`, shared by the server and `import` so that either may be given it.
struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data"), help: "The data directory: the server serves its newest version (instead of the built-in data); import adds a version to it (creating it if need be).")
    var directory: String?
}
