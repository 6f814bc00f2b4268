#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, unit and integration tests
# (the CLI as a process on real files). Data-driven tests read ../shared/data and
# skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")"
command -v cargo >/dev/null || { echo "test.sh: cargo not found; install Rust from https://rustup.rs" >&2; exit 1; }
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
# Headless Chromium for the web page's browser tests (Debian package; skipped where absent).
bash scripts/install-test-deps.sh || echo "test.sh: could not install chromium; browser tests will skip" >&2
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
