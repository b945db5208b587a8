import Fluent
import Foundation
import Plot
import QualityRules
import QualityStorage
import Vapor

/// Proactive matching for officers: the latest run's figures per programme, a run on demand (city), and
/// each programme's candidates with filters and CSV/Excel export. A district officer sees their district.
enum MatchingController {
    static func register(on app: Application) {
        app.on(.GET, .matching, as: ReviewingOfficer.self, use: overview)
        app.on(.POST, .matchingRun, as: CityOfficer.self, use: run)
        app.on(.GET, .matchingProgramme(.key), as: ReviewingOfficer.self, use: programme)
        app.on(.GET, .matchingExport(.key, .key), as: ReviewingOfficer.self, use: export)
        app.on(.GET, .enterpriseMatches, as: EnterpriseUser.self, use: MyMatchesPage.show)
    }

    @Sendable
    static func overview(request: Request, officer: ReviewingOfficer) async throws -> HTMLPage {
        let run = try await request.matchService.latestRun()
        let model = MatchingPage.Model(run: run, summary: run?.summary, canRun: officer.scope == .city,
                                       titles: try request.programmeTitles, today: request.today, error: nil)
        return HTMLPage(html: MatchingPage.render(PageContext(request: request), model))
    }

    @Sendable
    static func run(request: Request, officer: CityOfficer) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        guard let day = CalendarDate(iso: (fields["on"] ?? "").trimmingCharacters(in: .whitespaces)) else {
            let run = try await request.matchService.latestRun()
            let model = MatchingPage.Model(run: run, summary: run?.summary, canRun: true, titles: try request.programmeTitles,
                                           today: request.today, error: Strings.Matching.badDate)
            return try await HTMLPage(html: MatchingPage.render(PageContext(request: request), model), status: .unprocessableEntity)
                .encodeResponse(for: request)
        }
        _ = try await request.matchService.run(on: day, actor: officer.user.displayName, now: request.now)
        return request.redirect(to: SiteURL.matching.path, redirectType: .normal)
    }

    static func filter(_ request: Request, officer: ReviewingOfficer) -> MatchService.CandidateFilter {
        let verdict = (try? request.query.get(String.self, at: "verdict")).flatMap(Verdict.init(rawValue:))
        var district = try? request.query.get(String.self, at: "district")
        if case .district(let own) = officer.scope { district = own }
        let minimum = (try? request.query.get(String.self, at: "minScore")).flatMap { Points(text: $0)?.hundredths }
        let search = try? request.query.get(String.self, at: "q")
        return MatchService.CandidateFilter(verdict: verdict, district: district, minimumScore: minimum, search: search)
    }

    @Sendable
    static func programme(request: Request, officer: ReviewingOfficer) async throws -> HTMLPage {
        guard let id = request.parameters.get("programmeID"), let title = try request.programmeTitles[id] else {
            throw AppError.notFound(Strings.Matching.unknownProgramme)
        }
        guard let run = try await request.matchService.latestRun() else {
            return HTMLPage(html: Layout.page(PageContext(request: request), title: title, .p(.text(PageContext(request: request).t(Strings.Matching.noRun)))))
        }
        let filter = filter(request, officer: officer)
        let page = max((try? request.query.get(Int.self, at: "page")) ?? 1, 1)
        let (rows, total) = try await request.matchService.candidates(run: run.id!, programme: id, filter: filter, limit: 100,
                                                                      offset: (page - 1) * 100)
        let districts = officer.scope == .city ? try await MatchCandidate.query(on: request.db).filter(\.$runID == run.id!)
            .filter(\.$programmeID == id).unique().all(\.$district).sorted() : []
        let model = CandidatesPage.Model(programmeID: id, title: title, run: run, filter: filter, rows: rows, total: total,
                                         page: page, districts: districts, hasRubric: rows.contains { $0.score != nil },
                                         query: request.url.query ?? "")
        return HTMLPage(html: CandidatesPage.render(PageContext(request: request), model))
    }

    @Sendable
    static func export(request: Request, officer: ReviewingOfficer) async throws -> Response {
        guard let id = request.parameters.get("programmeID"), try request.programmeTitles[id] != nil,
              let format = request.parameters.get("format").flatMap(MatchExport.Format.init(rawValue:)) else {
            throw AppError.notFound(Strings.Matching.unknownProgramme)
        }
        guard let run = try await request.matchService.latestRun() else { throw AppError.notFound(Strings.Matching.noRun) }
        let (rows, _) = try await request.matchService.candidates(run: run.id!, programme: id, filter: filter(request, officer: officer),
                                                                  limit: nil)
        let data = try MatchExport.data(rows.map { (id, $0) }, format: format, language: request.language, runDay: run.onDate)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: format == .csv ? "text/csv; charset=utf-8"
                                      : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(id)-\(run.onDate).\(format.rawValue)\"")
        return response
    }
}

extension Request {
    var matchService: MatchService {
        get throws { MatchService(database: db, catalog: try policyCatalog, scope: qualityCity.configuration.database.redactedDescription) }
    }

    /// Programme id → title, for every programme the platform knows.
    var programmeTitles: [String: LocalizedText] {
        get throws { Dictionary(uniqueKeysWithValues: try policyCatalog.programmes.map { ($0.programme.id, $0.programme.title) }) }
    }
}
