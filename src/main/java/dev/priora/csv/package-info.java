/**
 * The one CSV writer of every export (commons-csv, with formula cells neutralised); a
 * shared module that depends on no feature, so every feature may use it.
 */
package dev.priora.csv;
