import Foundation

/// UUIDs that sort in the order they were made (version 7, RFC 9562: 48 bits of Unix milliseconds, then a
/// 12-bit sequence within the millisecond, then random bits). Stored as text, a run of them lands at the
/// end of the primary-key index instead of on a random page each: a million enterprises made by one import
/// write their key index once instead of rewriting most of its pages every transaction. The random bits
/// come from a generator seeded once from the system's (one system call per id cost more than the insert).
struct TimeOrderedIDs {
    private var lastMilliseconds: UInt64 = 0
    private var sequence: UInt16 = 0
    private var state: UInt64 = .random(in: .min ... .max)

    mutating func next(at date: Date = Date()) -> UUID {
        var milliseconds = UInt64(max(date.timeIntervalSince1970, 0) * 1000)
        if milliseconds <= lastMilliseconds {
            // Same (or an earlier) millisecond: count on; past 4,095 borrow the next millisecond.
            milliseconds = lastMilliseconds
            sequence &+= 1
            if sequence > 0x0FFF {
                milliseconds += 1
                sequence = 0
            }
        } else {
            sequence = 0
        }
        lastMilliseconds = milliseconds
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var tail = state
        tail = (tail ^ (tail >> 30)) &* 0xBF58_476D_1CE4_E5B9
        tail = (tail ^ (tail >> 27)) &* 0x94D0_49BB_1331_11EB
        tail ^= tail >> 31
        return UUID(uuid: (
            UInt8(truncatingIfNeeded: milliseconds >> 40), UInt8(truncatingIfNeeded: milliseconds >> 32),
            UInt8(truncatingIfNeeded: milliseconds >> 24), UInt8(truncatingIfNeeded: milliseconds >> 16),
            UInt8(truncatingIfNeeded: milliseconds >> 8), UInt8(truncatingIfNeeded: milliseconds),
            0x70 | UInt8(sequence >> 8), UInt8(truncatingIfNeeded: sequence),
            0x80 | UInt8(truncatingIfNeeded: tail >> 58), UInt8(truncatingIfNeeded: tail >> 48),
            UInt8(truncatingIfNeeded: tail >> 40), UInt8(truncatingIfNeeded: tail >> 32),
            UInt8(truncatingIfNeeded: tail >> 24), UInt8(truncatingIfNeeded: tail >> 16),
            UInt8(truncatingIfNeeded: tail >> 8), UInt8(truncatingIfNeeded: tail)))
    }
}
