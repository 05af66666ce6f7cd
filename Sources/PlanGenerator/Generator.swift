// Generator: synthetic instances (placeholder, being written).
public enum Generator {}
