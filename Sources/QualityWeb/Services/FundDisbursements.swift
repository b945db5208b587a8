import Fluent
import Foundation
import QualityRules
import QualityStorage

/// Finance's side: approved grants gathered into a batch, and the batch paid with the bank's payment
/// reference — each grant's commitment moving to disbursed, once.
struct FundDisbursements: Sendable {
    let database: any Database
    let clock: any WallClock

    var today: CalendarDate { clock.today() }
    var now: Date { clock.now() }

    struct Batch: Sendable {
        var batch: DisbursementBatch
        var grants: [GrantApplication]
        var total: Money { Money(fen: grants.reduce(0) { $0 + ($1.approvedAmount ?? 0) }) }
    }

    func batches() async throws -> [Batch] {
        let batches = try await DisbursementBatch.query(on: database).with(\.$fund).sort(\.$createdAt, .descending).all()
        let ids = batches.compactMap(\.id).map { Optional($0) }
        let grants = ids.isEmpty ? [] : try await GrantApplication.query(on: database).filter(\.$batchID ~~ ids).with(\.$enterprise).all()
        let byBatch = Dictionary(grouping: grants, by: { $0.batchID })
        return batches.map { Batch(batch: $0, grants: byBatch[$0.id] ?? []) }
    }

    func batch(_ id: UUID) async throws -> Batch {
        guard let batch = try await DisbursementBatch.query(on: database).filter(\.$id == id).with(\.$fund).first() else {
            throw AppError.notFound(Strings.Funds.batchNotFound)
        }
        let grants = try await GrantApplication.query(on: database).filter(\.$batchID == id).with(\.$enterprise).sort(\.$decidedAt).all()
        return Batch(batch: batch, grants: grants)
    }

    /// Approved grants not yet in a batch, by fund.
    func payable() async throws -> [GrantApplication] {
        try await GrantApplication.query(on: database).filter(\.$stage == .approved).filter(\.$batchID == nil)
            .filter(\.$sandbox == false).with(\.$enterprise).with(\.$fund).sort(\.$decidedAt).all()
    }

    /// A batch of approved grants of one fund. A grant already taken by another batch (or no longer approved)
    /// makes the whole batch fail, and nothing is written.
    func createBatch(_ finance: FinanceOfficer, grantIDs: [String], label: String) async throws -> DisbursementBatch {
        let ids = grantIDs.compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
        var problems: [String: LocalizedText] = [:]
        if ids.isEmpty || ids.count != grantIDs.count { problems["grantIDs"] = Strings.Funds.chooseGrants }
        let name = label.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems["label"] = Strings.Funds.labelRequired }
        if name.count > 100 { problems["label"] = Strings.Form.tooLong(100) }
        guard problems.isEmpty else { throw AppError.invalid(Strings.Funds.fixFields, fields: problems) }
        let grants = try await GrantApplication.query(on: database).filter(\.$id ~~ ids).all()
        guard grants.count == Set(ids).count else { throw AppError.invalid(Strings.Funds.fixFields, fields: ["grantIDs": Strings.Funds.grantNotFound]) }
        if let unpayable = grants.first(where: { $0.stage != .approved || $0.batchID != nil || $0.sandbox }) {
            throw AppError.conflict(Strings.Funds.notPayable(unpayable.reference, unpayable.stage))
        }
        let funds = Set(grants.compactMap { $0.$fund.id })
        guard funds.count == 1, let fundID = funds.first else { throw AppError.invalid(Strings.Funds.fixFields, fields: ["grantIDs": Strings.Funds.oneFundPerBatch]) }
        let batch = DisbursementBatch(fundID: fundID, label: name, createdAt: now, createdBy: finance.user.displayName)
        let at = now
        try await database.writeTransaction { tx in
            try await batch.create(on: tx)
            for grant in grants {
                guard try await ConditionalUpdate.run(table: GrantApplication.schema, id: grant.id!,
                                                      set: [("batch_id", .uuid(batch.id)), ("updated_at", .date(at))],
                                                      where: [.equals("stage", .string(GrantStage.approved.rawValue)), .equals("batch_id", .string(nil))],
                                                      on: tx)
                else { throw AppError.conflict(Strings.Funds.notPayable(grant.reference, grant.stage)) }
            }
            try await AuditChain.append(AuditEntry(actor: finance.user.auditActor, subjectType: "disbursement_batch", subjectID: batch.id!.uuidString,
                                                   action: "batch_create", toStage: BatchStage.open.rawValue,
                                                   reason: "\(name): " + grants.map(\.reference).joined(separator: ", "), occurredAt: at), on: tx)
        }
        return batch
    }

    /// The bank has paid: every grant of the batch moves from committed to disbursed with the reference.
    func markPaid(_ finance: FinanceOfficer, batchID: UUID, paymentReference: String, paidOn text: String) async throws -> Batch {
        let current = try await batch(batchID)
        guard current.batch.stage == .open else { throw AppError.conflict(Strings.Funds.batchAlreadyPaid) }
        var problems: [String: LocalizedText] = [:]
        let reference = paymentReference.trimmingCharacters(in: .whitespacesAndNewlines)
        if reference.isEmpty { problems["paymentReference"] = Strings.Funds.referenceRequired }
        if reference.count > 100 { problems["paymentReference"] = Strings.Form.tooLong(100) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let paidOn = trimmed.isEmpty ? today : CalendarDate(iso: trimmed)
        if paidOn == nil { problems["paidOn"] = Strings.Funds.badDate }
        if let paidOn, paidOn > today { problems["paidOn"] = Strings.Funds.notInFuture }
        guard problems.isEmpty, let paidOn else { throw AppError.invalid(Strings.Funds.fixFields, fields: problems) }
        guard !current.grants.isEmpty else { throw AppError.conflict(Strings.Funds.batchEmpty) }
        let actor = finance.user.auditActor
        let at = now
        let fundID = current.batch.$fund.id
        try await database.writeTransaction { tx in
            guard try await ConditionalUpdate.run(table: DisbursementBatch.schema, id: batchID,
                                                  set: [("stage", .string(BatchStage.paid.rawValue)), ("paid_on", .string(paidOn.iso)),
                                                        ("payment_reference", .string(reference)), ("paid_by", .string(finance.user.displayName))],
                                                  where: [.equals("stage", .string(BatchStage.open.rawValue))], on: tx)
            else { throw AppError.conflict(Strings.Funds.batchAlreadyPaid) }
            // Read again inside the transaction: a grant released since the page was drawn is no longer here.
            let grants = try await GrantApplication.query(on: tx).filter(\.$batchID == batchID).filter(\.$stage == .approved).all()
            guard !grants.isEmpty else { throw AppError.conflict(Strings.Funds.batchEmpty) }
            for grant in grants {
                let amount = Money(fen: grant.approvedAmount ?? 0)
                guard try await ConditionalUpdate.run(table: GrantApplication.schema, id: grant.id!,
                                                      set: [("stage", .string(GrantStage.disbursed.rawValue)), ("version", .increment(1)),
                                                            ("disbursed_amount", .int64(amount.fen)), ("paid_on", .string(paidOn.iso)),
                                                            ("payment_reference", .string(reference)), ("updated_at", .date(at))],
                                                      where: [.equals("stage", .string(GrantStage.approved.rawValue)), .equals("batch_id", .uuid(batchID))],
                                                      on: tx)
                else { throw AppError.conflict(Strings.Applications.stale) }
                do {
                    try await FundLedger.post(.init(.disbursement, amount: amount, grantID: grant.id, batchID: batchID,
                                                    memo: "\(grant.reference) \(reference)", actor: actor, at: at, on: paidOn),
                                              fundID: fundID, on: tx)
                } catch let refusal as FundLedger.Refusal {
                    throw AppError.conflict(Strings.Funds.refusal(refusal, fund: current.batch.fund.name))
                }
                try await AuditChain.append(AuditEntry(actor: actor, subjectType: "grant", subjectID: grant.id!.uuidString, action: "grant_disburse",
                                                       fromStage: GrantStage.approved.rawValue, toStage: GrantStage.disbursed.rawValue,
                                                       reason: "\(amount.yuanString) \(reference)", occurredAt: at), on: tx)
                let message = Strings.Funds.Inbox.paid(grant.reference, amount, reference)
                try await Notifier.notify(.enterprise(grant.$enterprise.id), subject: message.subject, body: message.body,
                                          link: SiteURL.grant(.value(grant.id!)).path, at: at, on: tx)
            }
            try await AuditChain.append(AuditEntry(actor: actor, subjectType: "disbursement_batch", subjectID: batchID.uuidString,
                                                   action: "batch_paid", fromStage: BatchStage.open.rawValue, toStage: BatchStage.paid.rawValue,
                                                   reason: reference, occurredAt: at), on: tx)
        }
        return try await batch(batchID)
    }
}
