/// The version printed by `wegweiser --version`.
public enum Version {
    public static let current = "0.1.0"
}
