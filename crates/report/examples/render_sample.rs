//! Writes the sample document (every block kind) in every format and for both audiences, to
//! look at: `cargo run -p sightline-report --example render_sample -- DIR`.

use sightline_report::sample::sample_document;
use sightline_report::{Audience, OutputFormat};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;
    for (name, audience) in [
        ("internal", Audience::Internal),
        ("public", Audience::Public),
    ] {
        let doc = sample_document(audience);
        for format in [OutputFormat::Html, OutputFormat::Xlsx, OutputFormat::Pdf] {
            let path = dir.join(format!("sample-{name}.{}", format.extension()));
            doc.write(format, &path)?;
            println!("{}", path.display());
        }
    }
    Ok(())
}
