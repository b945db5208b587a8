import Fluent
import Foundation
import QualityRules
import QualityStorage
import Vapor

/// Funds, their ledgers, disbursement batches, earlier grants and the open data — through the same services
/// as the pages. Grants are in `FundsGrantsAPI`.
enum FundsAPI {
    static func register(on routes: any RoutesBuilder) {
        routes.api(.GET, .funds, as: FundViewer.self, use: list)
        routes.api(.POST, .funds, as: FinanceOfficer.self, use: create)
        routes.api(.GET, .fund(.key), as: FundViewer.self, use: show)
        routes.api(.POST, .fundMovements(.key), as: FinanceOfficer.self, use: move)
        routes.api(.GET, .disbursements, as: FinanceOfficer.self, use: batches)
        routes.api(.POST, .disbursements, as: FinanceOfficer.self, use: createBatch)
        routes.api(.GET, .disbursement(.key), as: FinanceOfficer.self, use: batch)
        routes.api(.POST, .disbursementPaid(.key), as: FinanceOfficer.self, use: paid)
        routes.api(.POST, .grantHistory, as: FundViewer.self, body: .collect(maxSize: "12mb"), use: importHistory)
        routes.api(.GET, .openDataGrants, use: openData)
        FundsGrantsAPI.register(on: routes)
    }

    @Sendable
    static func list(request: Request, viewer: FundViewer) async throws -> APIResponse<FundListDTO> {
        APIResponse(FundListDTO(funds: try await request.funds.overview().map(FundDTO.init)))
    }

    static func detail(_ id: UUID, request: Request) async throws -> FundDetailDTO {
        let (overview, entries) = try await request.funds.detail(id)
        return FundDetailDTO(fund: FundDTO(overview), counter: overview.counter.map(FundBalancesDTO.init),
                             reconciled: overview.counter == overview.balances, entries: entries.map(LedgerEntryDTO.init))
    }

    @Sendable
    static func create(request: Request, finance: FinanceOfficer) async throws -> APIResponse<FundDetailDTO> {
        let input = try request.decodeJSON(CreateFundInput.self)
        let draft = FundService.Draft(policyID: input.policyId, programmeID: input.programmeId ?? "", year: String(input.year),
                                      nameZh: input.nameZh ?? "", nameEn: input.nameEn ?? "", source: (input.source ?? .cityBudget).rawValue,
                                      funderName: input.funderName ?? "", funderCreditCode: input.funderCreditCode ?? "", budget: input.budget ?? "")
        let fund: Fund
        do {
            fund = try await request.funds.create(finance, draft)
        } catch var error as AppError {
            error.fields = CallsAPI.renamed(error.fields, ["policyID": "policyId", "programmeID": "programmeId"])
            throw error
        }
        return APIResponse(try await detail(fund.id!, request: request), status: .created, location: .fund(.value(fund.id!)))
    }

    @Sendable
    static func show(request: Request, viewer: FundViewer) async throws -> APIResponse<FundDetailDTO> {
        APIResponse(try await detail(try request.uuidParameter("fundId"), request: request))
    }

    @Sendable
    static func move(request: Request, finance: FinanceOfficer) async throws -> APIResponse<LedgerEntryDTO> {
        let id = try request.uuidParameter("fundId")
        let input = try request.decodeJSON(FundMovementInput.self)
        let entry = try await request.funds.move(finance, fundID: id, movement: input.movement, amount: input.amount, memo: input.memo)
        return APIResponse(LedgerEntryDTO(entry), status: .created, location: .fund(.value(id)))
    }

    // MARK: Disbursements

    @Sendable
    static func batches(request: Request, finance: FinanceOfficer) async throws -> APIResponse<BatchListDTO> {
        APIResponse(BatchListDTO(batches: try await request.disbursements.batches().map(BatchDTO.init)))
    }

    @Sendable
    static func createBatch(request: Request, finance: FinanceOfficer) async throws -> APIResponse<BatchDTO> {
        let input = try request.decodeJSON(CreateBatchInput.self)
        let batch: DisbursementBatch
        do {
            batch = try await request.disbursements.createBatch(finance, grantIDs: input.grantIds, label: input.label)
        } catch var error as AppError {
            error.fields = CallsAPI.renamed(error.fields, ["grantIDs": "grantIds"])
            throw error
        }
        return APIResponse(BatchDTO(try await request.disbursements.batch(batch.id!)), status: .created, location: .disbursement(.value(batch.id!)))
    }

    @Sendable
    static func batch(request: Request, finance: FinanceOfficer) async throws -> APIResponse<BatchDTO> {
        APIResponse(BatchDTO(try await request.disbursements.batch(try request.uuidParameter("batchId"))))
    }

    @Sendable
    static func paid(request: Request, finance: FinanceOfficer) async throws -> APIResponse<BatchDTO> {
        let id = try request.uuidParameter("batchId")
        let input = try request.decodeJSON(MarkPaidInput.self)
        return APIResponse(BatchDTO(try await request.disbursements.markPaid(finance, batchID: id, paymentReference: input.paymentReference,
                                                                            paidOn: input.paidOn ?? "")))
    }

    // MARK: Earlier grants and open data

    static let sheetTypes: Set<String> = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"]

    /// The file is the body (CSV or XLSX); every row is checked and nothing is imported if one is wrong (422
    /// with the rows).
    @Sendable
    static func importHistory(request: Request, viewer: FundViewer) async throws -> APIResponse<HistoryImportDTO> {
        let data = try request.uploadedFile(of: sheetTypes)
        let filename = FundsPage.safeName((try? request.query.get(String.self, at: "filename")) ?? "upload")
        let report = try await request.fundHistoryImport.run(data: data, filename: filename, actor: viewer.user.auditActor)
        let body = HistoryImportDTO(imported: report.imported, errors: report.errors.map { .init(row: $0.row, column: $0.column, message: $0.message) })
        return APIResponse(body, status: report.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable
    static func openData(request: Request) async throws -> APIResponse<FundExports.GivingPackage> {
        APIResponse(FundExports.GivingPackage(grants: try await request.fundExports.openData()))
    }
}
