//! Store queries and exports: `events`, `actor`, `dyad`, `search`, `recode`, `export`.

use anyhow::Result;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum QueryCommand {
    /// Full-text search over stored sentences (placeholder until the store queries land).
    #[command(after_help = "Example:\n  entente search --db news.db \"red lines\"")]
    Search {
        query: String,
        #[arg(long, default_value = "entente.db")]
        db: std::path::PathBuf,
    },
}

pub fn run(cmd: QueryCommand) -> Result<ExitCode> {
    match cmd {
        QueryCommand::Search { .. } => anyhow::bail!("search is not implemented yet"),
    }
}
