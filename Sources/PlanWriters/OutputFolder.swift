// OutputFolder: writes a plan folder all or nothing. Files go to a hidden sibling folder first,
// which then replaces the target by rename; an interrupted run leaves no partial folder.
import Foundation

/// A folder could not be written.
public struct OutputError: Error, CustomStringConvertible {
    public var description: String
}

public enum OutputFolder {
    /// Files and folders `plan` may have written into a plan folder; a folder holding anything
    /// else is not replaced (nothing of the planner's is lost).
    public static let ownFiles: Set<String> = ["assignments.csv", "timetable.csv", "sessions.csv", "summary.json",
                                               "rosters.csv", "invitations.csv", "calendars"]

    /// Writes `files` into `folder`, replacing an earlier plan folder there.
    public static func write(_ files: [(name: String, contents: String)], to folder: URL) throws {
        let fm = FileManager.default
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(description: "\(folder.path) exists and is not a folder") }
            let foreign = try fm.contentsOfDirectory(atPath: target.path).filter { !ownFiles.contains($0) }.sorted()
            if !foreign.isEmpty {
                throw OutputError(description: "\(folder.path) holds files plan did not write (\(foreign.prefix(3).joined(separator: ", "))); choose another --out folder or empty it")
            }
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(description: "cannot create \(parent.path): \(error.localizedDescription)")
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
            throw OutputError(description: "cannot write \(folder.path): \(error.localizedDescription)")
        }
    }
}
