// OutputFolder: writes a plan folder all or nothing. Files go to a hidden sibling folder first,
// which then replaces the target by rename; an interrupted run leaves no partial folder.
import Foundation

/// What `plan` was asked to write could not be written; nothing new was left behind.
public enum OutputError: Error, CustomStringConvertible, Equatable {
    /// The output path exists and is a file, not a folder.
    case notAFolder(path: String)
    /// The output folder holds files `plan` did not write (the first few named): it is not replaced.
    case foreignFiles(path: String, names: [String])
    /// A missing parent folder could not be created.
    case cannotCreate(path: String, reason: String)
    /// A file or folder could not be written or renamed into place.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAFolder(let path): return "\(path) exists and is not a folder"
        case .foreignFiles(let path, let names):
            return "\(path) holds files plan did not write (\(names.joined(separator: ", "))); choose another --out folder or empty it"
        case .cannotCreate(let path, let reason): return "cannot create \(path): \(reason)"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}

public enum OutputFolder {
    /// Held while a plan folder is swapped into place (two renames when one existed): whoever
    /// quits the process at once (a second Ctrl-C) takes it first, so the old plan or the new one
    /// is always there, never only the hidden `.name.old-<pid>`.
    public static let swapLock = NSLock()

    /// Files and folders `plan` may have written into a plan folder; a folder holding anything
    /// else is not replaced (nothing of the planner's is lost).
    public static let ownFiles: Set<String> = ["assignments.csv", "timetable.csv", "sessions.csv", "summary.json",
                                               "rosters.csv", "invitations.csv", "calendars", "changes.csv",
                                               "packs"]

    /// Writes `files` into `folder`, replacing an earlier plan folder there.
    public static func write(_ files: [(name: String, contents: String)], to folder: URL) throws {
        let fm = FileManager.default
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError.notAFolder(path: folder.path) }
            let foreign = try fm.contentsOfDirectory(atPath: target.path).filter { !ownFiles.contains($0) }.sorted()
            if !foreign.isEmpty {
                throw OutputError.foreignFiles(path: folder.path, names: Array(foreign.prefix(3)))
            }
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreate(path: parent.path, reason: error.localizedDescription)
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            swapLock.lock()
            defer { swapLock.unlock() }
            if fm.fileExists(atPath: target.path) {
                try fm.moveItem(at: target, to: old)
                do {
                    try fm.moveItem(at: staging, to: target)
                } catch {
                    try? fm.moveItem(at: old, to: target)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: staging, to: target)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw OutputError.cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
    }
}

/// A file written to a hidden sibling (`.name.tmp-<pid>`) and renamed into place on commit.
public struct StagedFile {
    public let target: URL
    let staging: URL

    /// Writes `contents` beside `target` (creating missing parent folders).
    public init(_ contents: String, at target: URL) throws {
        try self.init(Data(contents.utf8), at: target)
    }

    /// Writes `bytes` beside `target` (creating missing parent folders).
    public init(_ bytes: Data, at target: URL) throws {
        self.target = target.standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try bytes.write(to: staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw OutputError.cannotWrite(path: target.path, reason: error.localizedDescription)
        }
    }

    /// Renames the staged file over its target.
    public func commit() throws {
        if rename(staging.path, target.path) != 0 {
            let why = String(cString: strerror(errno))
            discard()
            throw OutputError.cannotWrite(path: target.path, reason: why)
        }
    }

    /// Removes the staged file.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
