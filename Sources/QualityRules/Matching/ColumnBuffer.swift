/// A growable, manually managed array of plain values: the storage of every fact column.
///
/// Kernels read columns through raw pointers in tight loops; a Swift `Array` would need a closure per
/// column to give the same access without bounds checks or copy-on-write checks, and a million-row city
/// has dozens of columns. Filled once by `FactColumns.Builder`, never written after, hence `Sendable`.
public final class ColumnBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    public private(set) var base: UnsafeMutablePointer<Element>
    public private(set) var count = 0
    private var capacity: Int

    public init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// A buffer holding `array`'s elements (kernels' lookup tables).
    public convenience init(_ array: [Element]) {
        self.init(capacity: array.count)
        for value in array { append(value) }
    }

    /// `count` copies of `value`, ready to be written by index (kernels' outputs).
    public convenience init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    deinit { base.deallocate() }

    @inline(__always)
    public func append(_ value: Element) {
        if count == capacity { grow(to: capacity * 2) }
        (base + count).initialize(to: value)
        count += 1
    }

    @inline(__always)
    public subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// Shrinks the allocation to the elements held: a built city keeps no slack.
    public func trim() {
        guard capacity > count + 16 else { return }
        grow(to: count)
    }

    public var bytes: Int { capacity * MemoryLayout<Element>.stride }

    private func grow(to newCapacity: Int) {
        let target = max(newCapacity, 16)
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: target)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = target
    }
}

/// Strings seen while building columns, each given a small integer once (division codes, attestation
/// keys, programme ids, funded matters). Kernels compare integers; a rule's string parameters are turned
/// into lookup tables over these ids when a plan is compiled.
public struct Interner: Sendable {
    public private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    public mutating func intern(_ string: String) -> Int32 {
        if let id = ids[string] { return id }
        let id = Int32(strings.count)
        strings.append(string)
        ids[string] = id
        return id
    }

    public func id(_ string: String) -> Int32? { ids[string] }

    public var count: Int { strings.count }
}
