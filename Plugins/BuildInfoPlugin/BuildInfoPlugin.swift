import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` (the git commit the binary is built from) before
/// every build of the target it is applied to, by running
/// `scripts/build-info.sh`.
///
/// A prebuild command rather than a build command: a build command runs only
/// when its inputs change, and `.git` is not an input SwiftPM can track, so a
/// new commit with no source change would keep the old commit. The script
/// rewrites the file only when the commit differs, so an unchanged commit
/// recompiles nothing. Prebuild commands may run only tools already on the
/// machine, hence `/bin/sh` and git, never an executable of this package.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let package = context.package.directoryURL
        return [
            .prebuildCommand(
                displayName: "Writing BuildInfo.swift (git commit) for \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    package.appending(path: "scripts/build-info.sh").path,
                    package.path,
                    output.appending(path: "BuildInfo.swift").path,
                ],
                outputFilesDirectory: output
            )
        ]
    }
}
