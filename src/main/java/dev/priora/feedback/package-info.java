/** Customer voice: customers, their feedback, and finding what is alike. */
package dev.priora.feedback;
