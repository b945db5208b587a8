import QualityCLI

/// The executable is only this: everything lives in QualityCLI, where tests can reach it.
@main
enum Entrypoint {
    static func main() async {
        await QualityCityCommand.main(nil)
    }
}
