//! Tells cargo to rebuild when a migration file changes: refinery embeds `sql/` at compile
//! time and would otherwise miss a new file.
fn main() {
    println!("cargo:rerun-if-changed=sql");
}
