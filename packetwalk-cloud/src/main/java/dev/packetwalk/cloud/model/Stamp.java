package dev.packetwalk.cloud.model;

/** The API's bookkeeping of an object: {@code created_at}, {@code updated_at} and {@code revision_number}. */
public record Stamp(String createdAt, String updatedAt, int revision) {
}
