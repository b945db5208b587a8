import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Calls for applications: public reading, and the secretariat's publishing through `CallService`.
enum CallsAPI {
    static func register(on routes: any RoutesBuilder) {
        routes.publicCached.api(.GET, .calls, use: list)
        routes.publicCached.api(.GET, .call(.key), use: show)
        routes.api(.POST, .calls, as: CityOfficer.self, use: create)
        routes.api(.POST, .callStage(.key), as: CityOfficer.self, use: move)
    }

    /// The secretariat also sees its drafts, as on its own calls page; everyone else sees published calls.
    static func seesDrafts(_ request: Request) -> Bool {
        request.signedIn.flatMap(CityOfficer.init) != nil
    }

    @Sendable
    static func list(request: Request) async throws -> APIResponse<CallListDTO> {
        let query = Call.query(on: request.db)
        if !seesDrafts(request) { query.filter(\.$stage != .draft) }
        let calls = try await query.sort(\.$year, .descending).sort(\.$closesOn, .descending).all()
        let today = request.today
        return APIResponse(CallListDTO(calls: calls.map { CallSummaryDTO($0, today: today) }))
    }

    @Sendable
    static func show(request: Request) async throws -> APIResponse<CallDetailDTO> {
        let id = try request.uuidParameter("callId")
        guard let call = try await Call.find(id, on: request.db), call.stage != .draft || seesDrafts(request) else {
            throw AppError.notFound(Strings.Calls.notFound)
        }
        return APIResponse(detail(call, request: request))
    }

    @Sendable
    static func create(request: Request, officer: CityOfficer) async throws -> APIResponse<CallDetailDTO> {
        let input = try request.decodeJSON(CreateCallInput.self)
        // The page's materials field is one material per line, `标题 | Title | 选交`; a title that would
        // break that format is refused rather than mangled.
        var lines: [String] = []
        for (index, material) in (input.materials ?? []).enumerated() {
            let parts = [material.titleZh, material.titleEn ?? ""].map { $0.trimmingCharacters(in: .whitespaces) }
            guard !parts[0].isEmpty, !parts.contains(where: { $0.contains("|") || $0.contains(where: \.isNewline) }) else {
                throw AppError.invalid(Strings.Form.fixFields, fields: ["materials[\(index)]": Strings.API.materialTitleBad])
            }
            lines.append(parts.joined(separator: " | ") + (material.required == false ? " | optional" : ""))
        }
        let draft = CallService.Draft(
            programmeID: input.programmeId, year: input.year, titleZh: input.titleZh ?? "", titleEn: input.titleEn ?? "",
            opensOn: input.opensOn, closesOn: input.closesOn, quota: input.quota.map(String.init) ?? "",
            materials: lines.joined(separator: "\n"), contacts: input.contacts ?? "",
            noticeDays: String(input.noticeDays ?? 10), scoreAggregate: (input.scoreAggregate ?? .mean).rawValue)
        let call: Call
        do {
            call = try await request.calls.create(officer, draft)
        } catch var error as AppError {
            error.fields = renamed(error.fields, ["programmeID": "programmeId"])
            throw error
        }
        return APIResponse(detail(call, request: request), status: .created, location: .call(.value(call.id!)))
    }

    @Sendable
    static func move(request: Request, officer: CityOfficer) async throws -> APIResponse<CallDetailDTO> {
        let id = try request.uuidParameter("callId")
        let input = try request.decodeJSON(CallStageInput.self)
        let call = try await request.calls.move(officer, callID: id, to: input.stage)
        return APIResponse(detail(call, request: request))
    }

    static func detail(_ call: Call, request: Request) -> CallDetailDTO {
        CallDetailDTO(call, programme: request.qualityCity.assessor.programme(call.programmeID), today: request.today)
    }

    /// The services name fields as the pages do; the API names them as its JSON bodies do.
    static func renamed(_ fields: [String: LocalizedText], _ names: [String: String]) -> [String: LocalizedText] {
        Dictionary(fields.map { (names[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
