fn main() {
    println!("unspin");
}
