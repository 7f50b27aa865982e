package dev.priora.refinement.health;

import java.time.LocalDate;

/** A product's health score as recorded on one day, and how many findings it had. */
public record HealthDay(LocalDate day, int score, int findings) {
}
