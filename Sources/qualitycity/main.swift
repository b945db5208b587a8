import QualityCLI
