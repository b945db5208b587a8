import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Public pages as an anonymous visitor sees them, kept for a moment (one second by default,
/// `QC_PUBLIC_CACHE_SECONDS`, 0 turns it off). When a call opens, thousands of enterprises load the same
/// few pages at once; rendering each once a second instead of once a visit is what keeps those pages at
/// a third or more of a bare route's rate (issue 10; docs/benchmarks.md has the figures both ways).
///
/// Only what cannot differ between anonymous visitors is kept: GET requests without a signed-in user, answered
/// 200, keyed by path, query and language. A page that carries a form token is never kept (each visitor's
/// token is their own). Nothing here is a source of truth: every instance keeps its own copy, a restart
/// forgets it, and a change made anywhere shows within the lifetime.
final class PublicPageCache: Sendable {
    struct Key: Hashable {
        var uri: String
        var language: Language
    }

    /// A 200 answer: only those are kept.
    struct Entry {
        var expires: NIODeadline
        var headers: HTTPHeaders
        var body: ByteBuffer
    }

    let lifetime: TimeAmount
    let capacity: Int
    private let entries = NIOLockedValueBox<[Key: Entry]>([:])

    init(seconds: Double, capacity: Int = 512) {
        self.lifetime = .nanoseconds(Int64(max(0, seconds) * 1_000_000_000))
        self.capacity = capacity
    }

    var isEnabled: Bool { lifetime > .zero }

    func entry(for key: Key, now: NIODeadline = .now()) -> Entry? {
        entries.withLockedValue { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.expires > now else {
                entries[key] = nil
                return nil
            }
            return entry
        }
    }

    func store(_ entry: Entry, for key: Key, now: NIODeadline = .now()) {
        entries.withLockedValue { entries in
            if entries.count >= capacity, entries[key] == nil {
                entries = entries.filter { $0.value.expires > now }
                // Many distinct queries within one lifetime: serve them uncached rather than grow.
                guard entries.count < capacity else { return }
            }
            entries[key] = entry
        }
    }

    /// Forgets everything, for the instance's own writes that public pages show (a call opened, a notice published).
    func removeAll() {
        entries.withLockedValue { $0.removeAll() }
    }
}

/// Serves a route from `PublicPageCache` for anonymous GETs; put on the public read routes only.
struct PublicPageCacheMiddleware: AsyncMiddleware {
    static let formTokenMarker = Array("name=\"\(CSRFMiddleware.fieldName)\"".utf8)

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cache = request.application.qualityCity.publicPages
        guard cache.isEnabled, request.method == .GET, request.auth.get(SignedInUser.self) == nil else {
            return try await next.respond(to: request)
        }
        let key = PublicPageCache.Key(uri: request.url.string, language: request.language)
        if let entry = cache.entry(for: key) {
            let response = Response(status: .ok, headers: entry.headers)
            response.body = .init(buffer: entry.body)
            return response
        }
        let response = try await next.respond(to: request)
        if response.status == .ok, let body = response.body.buffer, !response.headers.contains(name: .setCookie),
           !body.readableBytesView.contains(Self.formTokenMarker) {
            cache.store(PublicPageCache.Entry(expires: .now() + cache.lifetime, headers: response.headers, body: body), for: key)
        }
        return response
    }
}

/// A change made through this instance (any POST, PUT, DELETE that succeeded) empties its public page cache,
/// so whoever made it — and every later visitor of this instance — sees it at once; other instances within
/// the lifetime.
struct PublicPageCacheInvalidation: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if CSRFMiddleware.isUnsafe(request.method), response.status.code < 400, request.application.qualityCity.publicPages.isEnabled {
            request.application.qualityCity.publicPages.removeAll()
        }
        return response
    }
}

extension RoutesBuilder {
    /// Routes whose anonymous GETs are served from `PublicPageCache`.
    var publicCached: any RoutesBuilder { grouped(PublicPageCacheMiddleware()) }
}
