import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Registers the portal's features: targets, the credit file, the policy library and the calculator.
enum PortalRoutes {
    static func register(on app: Application) {
        TargetsController.register(on: app)
        CreditController.register(on: app)
        PortalController.register(on: app)
    }
}

/// The public policy library and the policy calculator.
enum PortalController {
    static func register(on app: Application) {
        app.publicCached.on(.GET, .policies, use: library)
        app.on(.GET, .policy(.key), use: policy)
        app.on(.GET, .calculator, use: calculator)
    }

    @Sendable
    static func library(request: Request) async throws -> HTMLPage {
        let query = (try? request.query.get(String.self, at: "q")) ?? ""
        let library = PolicyLibrary(catalog: try request.policyCatalog)
        let context = PageContext(request: request)
        return HTMLPage(html: PolicyLibraryPage.render(context: context, entries: library.entries(on: request.today), query: query,
                                                       hits: library.search(query, on: request.today)))
    }

    @Sendable
    static func policy(request: Request) async throws -> HTMLPage {
        let id = request.parameters.get("policyID") ?? ""
        let library = PolicyLibrary(catalog: try request.policyCatalog)
        guard let entry = library.entries(on: request.today).first(where: { $0.policy.id == id }) else { throw AppError.notFound() }
        return HTMLPage(html: PolicyPage.render(context: PageContext(request: request), entry: entry))
    }

    struct CalculatorQuery: Content {
        var division: String?
        var years: String?
        var legalForm: String?
        var industry: String?
        var taxWan: String?
        var cqo: String?
        var cqoTrained: String?
        var certifications: [String]?
        var awards: [String]?
        var penalty: String?
        var majorAccident: String?
        var majorComplaint: String?
        var failedSpotCheck: String?
        var on: String?
        var mine: String?
    }

    /// A GET form: answering changes nothing, and a result can be bookmarked or shared.
    @Sendable
    static func calculator(request: Request) async throws -> HTMLPage {
        let query = (try? request.query.decode(CalculatorQuery.self)) ?? CalculatorQuery()
        let calculator = PolicyCalculator(catalog: try request.policyCatalog)
        let context = PageContext(request: request)
        let ticked: (String?) -> Bool = { $0 == "on" || $0 == "true" || $0 == "1" }
        var input = PolicyCalculator.Input()
        input.division = query.division ?? ""
        input.years = query.years ?? ""
        input.legalForm = query.legalForm ?? LegalForm.legalPerson.rawValue
        input.industry = query.industry ?? "C"
        input.taxWan = query.taxWan ?? ""
        input.cqo = ticked(query.cqo)
        input.cqoTrained = ticked(query.cqoTrained)
        input.certifications = query.certifications ?? []
        input.awards = query.awards ?? []
        input.penalty = ticked(query.penalty)
        input.majorAccident = ticked(query.majorAccident)
        input.majorComplaint = ticked(query.majorComplaint)
        input.failedSpotCheck = ticked(query.failedSpotCheck)
        input.on = query.on ?? ""

        // A signed-in enterprise may ask about itself: its own facts, as its applications are judged on.
        if ticked(query.mine), let enterpriseID = request.signedIn?.enterpriseID, request.signedIn?.role == .enterprise,
           let enterprise = try await Enterprise.find(enterpriseID, on: request.db) {
            let json = try await FactsAssembler.assemble(enterprise, on: request.db)
            let facts = try EnterpriseFacts.validate(data: Data(json.utf8)).mapError { _ in
                AppError.invalid(T(zh: "企业信息不完整，无法测算；请先完善企业信息", en: "Your enterprise's facts are incomplete; complete them first"))
            }.get()
            let answers = calculator.answers(for: facts, on: request.today)
            return HTMLPage(html: CalculatorPage.render(context: context, input: input, error: nil, answers: answers, mine: enterprise.name))
        }
        guard !input.isEmpty else {
            return HTMLPage(html: CalculatorPage.render(context: context, input: input, error: nil, answers: nil, mine: nil))
        }
        switch calculator.facts(input, today: request.today) {
        case .success(let (facts, day)):
            return HTMLPage(html: CalculatorPage.render(context: context, input: input, error: nil,
                                                        answers: calculator.answers(for: facts, on: day), mine: nil))
        case .failure(let error):
            return HTMLPage(html: CalculatorPage.render(context: context, input: input, error: error, answers: nil, mine: nil), status: error.status)
        }
    }
}
