import Foundation
import Yams

/// A scoring rubric written by the secretariat in the policy files' rubric format (docs/rules.md), for a
/// programme whose document has none — seed 000's review standard (附件二) is not in the text. It is read by
/// the same decoder as the policy files, so its points must add up and its measures must exist.
public enum RubricDefinition {
    public static func parse(yaml text: String, name: String) throws(PolicyLoadError) -> Rubric {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PolicyLoadError(file: name, line: 0, column: 0, reason: "the rubric is empty")
            }
            root = node
        } catch let error as PolicyLoadError {
            throw error
        } catch let error as YamlError {
            throw PolicyDecoder.yamlError(error, file: name)
        } catch {
            throw PolicyLoadError(file: name, line: 0, column: 0, reason: "\(error)")
        }
        do {
            return try RubricDecoder.rubric(YAMLReader(node: root, file: name))
        } catch let error as PolicyLoadError {
            throw error
        } catch {
            throw PolicyLoadError(file: name, line: 0, column: 0, reason: "\(error)")
        }
    }

    /// Every indicator of a rubric with its maximum, in order: what an expert scores.
    public static func indicators(of rubric: Rubric) -> [(group: IndicatorGroup, indicator: Indicator)] {
        rubric.groups.flatMap { group in group.indicators.map { (group, $0) } }
    }
}

extension RubricDefinition {
    /// The rubric offered for a programme whose policy has none (`RubricTemplates/<programme>.yaml`).
    public static func template(for programmeID: String) -> String? {
        guard let url = Bundle.module.url(forResource: programmeID, withExtension: "yaml", subdirectory: "RubricTemplates") else {
            return nil
        }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
