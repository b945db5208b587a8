import FluentKit

/// Every migration of QualityCity, in the order they run, grouped by feature. The same list runs on SQLite
/// and PostgreSQL; each uses only Fluent's schema builder (and SQLKit's portable index builder).
public enum Migrations {
    public static var all: [any Migration] {
        foundation + accounts + calls + audit + decisions + lifecycle + evidence + funds + performance + portal + scale + indexes
    }

    static let foundation: [any Migration] = [
        CreateSettings(),
        CreateJobs(),
    ]

    static let accounts: [any Migration] = [
        CreateEnterprises(),
        CreateAccounts(),
        CreateInbox(),
    ]

    static let calls: [any Migration] = [
        CreateCalls(),
        CreateApplications(),
    ]

    static let audit: [any Migration] = [
        CreateAudit(),
    ]

    static let decisions: [any Migration] = [
        CreateDecisions(),
        AddDecisionColumns(),
    ]

    static let lifecycle: [any Migration] = [
        CreateLifecycle(),
    ]

    static let evidence: [any Migration] = [
        AddEvidenceFileLabel(),
    ]

    static let funds: [any Migration] = [
        CreateFunds(),
    ]

    /// Performance evaluation of funded projects (003 第六章).
    static let performance: [any Migration] = [
        CreatePerformanceEvaluations(),
    ]

    /// City quality targets and the quality credit file (issue 9).
    static let portal: [any Migration] = [
        CreateTargets(),
        CreateCreditFile(),
    ]

    /// Registry import, proactive matching and the policy sandbox (issue 8).
    static let scale: [any Migration] = [
        CreateRegistryTables(),
        CreateMatchRuns(),
        CreateSandboxDrafts(),
        ClusterRegistryTables(),
    ]

    /// Lookups the submission path needs (issue 10, measured under load).
    static let indexes: [any Migration] = [
        AddLookupIndexes(),
    ]
}
