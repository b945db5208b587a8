import QualityCLI

// Temporary entry point; replaced by the real root command when the branches are merged.
QualityCityRulesCommand.main()
