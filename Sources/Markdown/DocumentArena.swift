import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Memory for libcmark's documents, one region per thread, emptied after each document.
///
/// libcmark allocates every node, string buffer, delimiter and the rendered
/// HTML through the `cmark_mem` its parser is given, and frees each piece
/// one by one. With glibc's allocator that was about a tenth of a build's
/// instructions and a sixth of its time on two cores. Here the pieces are cut
/// one after another from a region that belongs to the calling thread; `free`
/// returns nothing (except the most recent piece), and the whole region is
/// taken back at once when the outermost document on the thread is done. A
/// region that had to grow keeps one block as large as all of its blocks
/// were, up to `keptBytes`.
///
/// `cmark_mem` has no context pointer, so the region is found through a
/// thread-specific key.
enum DocumentArena {
    /// The allocator handed to `cmark_parser_new_with_mem`.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(
            to: cmark_mem(
                calloc: { count, size in Region.current.allocateZeroed(count: count, size: size) },
                // A piece's header names its region: growing or freeing it needs no look-up of the thread's.
                realloc: { pointer, size in
                    guard let pointer else { return Region.current.reallocate(nil, size: size) }
                    return Region.owner(of: pointer).reallocate(pointer, size: size)
                },
                free: { pointer in
                    guard let pointer else { return }
                    Region.owner(of: pointer).release(pointer)
                }
            ))
        return memory
    }()

    /// Runs `body` with documents allocated on this thread's region; the region is emptied when the outermost call returns.
    static func withDocument<Result>(_ body: () -> Result) -> Result {
        let region = Region.current
        region.pointee.depth += 1
        defer {
            region.pointee.depth -= 1
            if region.pointee.depth == 0 { region.pointee.empty() }
        }
        return body()
    }

    /// Whether `pointer` was handed out by this thread's region (and so must not be given to `free`).
    static func owns(_ pointer: UnsafeRawPointer) -> Bool {
        Region.current.pointee.owns(pointer)
    }

    /// Bytes in the current thread's blocks: what a region holds between documents.
    static var heldBytes: Int { Region.current.pointee.heldBytes }

    /// Every piece starts on this boundary, like malloc's.
    static let alignment = 16
    /// The header before each piece holds the piece's size, for `realloc`, and then its region.
    static let headerSize = 16
    /// The first block of a region.
    static let initialBytes = 64 * 1024
    /// A region that grew past this gives its block back after the document.
    static let keptBytes = 4 * 1024 * 1024

    /// One thread's region: the block pieces are cut from, and the blocks it outgrew during the current document.
    struct Region {
        /// The block pieces are cut from; its first `headerSize` bytes hold a link to the block it replaced and its own capacity.
        var block: UnsafeMutableRawPointer
        var capacity: Int
        /// Offset of the next free byte in `block`.
        var used: Int
        /// The most recent piece, which can grow or be freed in place.
        var last: UnsafeMutableRawPointer?
        /// Nesting of `withDocument` on this thread.
        var depth = 0

        init(capacity: Int) {
            block = Self.newBlock(capacity: capacity, previous: nil)
            self.capacity = capacity
            used = headerSize
        }

        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            let status = pthread_key_create(&key) { region in
                guard let region = region?.assumingMemoryBound(to: Region.self) else { return }
                region.pointee.freeAllBlocks()
                region.deinitialize(count: 1)
                region.deallocate()
            }
            precondition(status == 0, "no thread-specific key for Markdown documents")
            return key
        }()

        @inline(__always)
        static var current: UnsafeMutablePointer<Region> {
            if let existing = pthread_getspecific(key) {
                return existing.assumingMemoryBound(to: Region.self)
            }
            let region = UnsafeMutablePointer<Region>.allocate(capacity: 1)
            region.initialize(to: Region(capacity: initialBytes))
            pthread_setspecific(key, region)
            return region
        }

        /// The region a piece was cut from, as its header records it.
        @inline(__always)
        static func owner(of piece: UnsafeMutableRawPointer) -> UnsafeMutablePointer<Region> {
            (piece - headerSize).load(fromByteOffset: MemoryLayout<Int>.stride, as: UnsafeMutablePointer<Region>.self)
        }

        private static func newBlock(capacity: Int, previous: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer {
            guard let block = malloc(capacity) else {
                // What libcmark's own allocator does when memory runs out.
                fatalError("out of memory for a Markdown document of \(capacity) bytes")
            }
            block.storeBytes(of: previous, as: UnsafeMutableRawPointer?.self)
            block.storeBytes(of: capacity, toByteOffset: MemoryLayout<Int>.stride, as: Int.self)
            return block
        }

        private static func previous(of block: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
            block.load(as: UnsafeMutableRawPointer?.self)
        }

        private static func capacity(of block: UnsafeMutableRawPointer) -> Int {
            block.load(fromByteOffset: MemoryLayout<Int>.stride, as: Int.self)
        }

        var heldBytes: Int {
            var total = 0
            var block: UnsafeMutableRawPointer? = block
            while let current = block {
                total += Self.capacity(of: current)
                block = Self.previous(of: current)
            }
            return total
        }

        func owns(_ pointer: UnsafeRawPointer) -> Bool {
            var block: UnsafeMutableRawPointer? = block
            while let current = block {
                let start = UnsafeRawPointer(current)
                if pointer >= start && pointer < start + Self.capacity(of: current) { return true }
                block = Self.previous(of: current)
            }
            return false
        }

        /// A piece of `size` bytes (not zeroed), 16-byte aligned, after a header that holds its size.
        @inline(__always)
        mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer {
            // libcmark's sizes are 32-bit; anything near Int.max is a bug, and would overflow the rounding below.
            if size < 0 || size > Int(Int32.max) * 2 { Self.refuse(size) }
            let pieceSize = (size + headerSize + alignment - 1) & ~(alignment - 1)
            if capacity - used < pieceSize { grow(for: pieceSize) }
            let header = block + used
            header.storeBytes(of: size, as: Int.self)
            used += pieceSize
            let piece = header + headerSize
            last = piece
            return piece
        }

        /// Starts a new block with room for `pieceSize`; the full block stays valid (its pieces are in use) and is
        /// linked behind the new one.
        @inline(never)
        private mutating func grow(for pieceSize: Int) {
            let grown = max(capacity * 2, pieceSize + headerSize)
            block = Self.newBlock(capacity: grown, previous: block)
            capacity = grown
            used = headerSize
        }

        @inline(never)
        static func refuse(_ size: Int) -> Never {
            fatalError("a Markdown document asked for \(size) bytes")
        }

        /// Takes back every piece. A region that had to grow keeps one block as large as all of its blocks were (so the same document next time fits at once), or goes back to `initialBytes` if that is more than `keptBytes`.
        mutating func empty() {
            used = headerSize
            last = nil
            guard Self.previous(of: block) != nil || capacity > keptBytes else { return }
            let total = heldBytes
            var current: UnsafeMutableRawPointer? = block
            while let older = current {
                current = Self.previous(of: older)
                free(older)
            }
            capacity = total > keptBytes ? initialBytes : total
            block = Self.newBlock(capacity: capacity, previous: nil)
        }

        mutating func freeAllBlocks() {
            empty()
            free(block)
        }
    }
}

extension UnsafeMutablePointer where Pointee == DocumentArena.Region {
    /// A piece from this region, its header naming the region (see `Region.owner(of:)`).
    @inline(__always)
    private func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let piece = pointee.allocate(size)
        (piece - DocumentArena.headerSize).storeBytes(
            of: self, toByteOffset: MemoryLayout<Int>.stride, as: UnsafeMutablePointer<DocumentArena.Region>.self)
        return piece
    }

    @inline(__always)
    fileprivate func allocateZeroed(count: Int, size: Int) -> UnsafeMutableRawPointer {
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        if overflow { DocumentArena.Region.refuse(Int.max) }
        let piece = allocate(total)
        memset(piece, 0, total)
        return piece
    }

    @inline(__always)
    fileprivate func reallocate(_ pointer: UnsafeMutableRawPointer?, size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size) }
        let header = pointer - DocumentArena.headerSize
        let oldSize = header.load(as: Int.self)
        if pointer == pointee.last {
            // The most recent piece grows where it is when the block has room.
            let start = pointee.block.distance(to: pointer) - DocumentArena.headerSize
            let (end, overflow) = (start + DocumentArena.headerSize).addingReportingOverflow(size)
            let alignedEnd = (end + DocumentArena.alignment - 1) & ~(DocumentArena.alignment - 1)
            if !overflow, start >= 0, alignedEnd <= pointee.capacity {
                header.storeBytes(of: size, as: Int.self)
                pointee.used = alignedEnd
                return pointer
            }
        }
        let piece = allocate(size)
        piece.copyMemory(from: pointer, byteCount: Swift.min(oldSize, size))
        return piece
    }

    @inline(__always)
    fileprivate func release(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer, pointer == pointee.last else { return }
        let start = pointee.block.distance(to: pointer) - DocumentArena.headerSize
        if start >= 0 && start < pointee.capacity {
            pointee.used = start
            pointee.last = nil
        }
    }
}
