//! Quotation extraction scored on PolNeAR attribution relations.
