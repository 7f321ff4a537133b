//! Network analysis commands: `brokers`, `blocs`, `dependencies`, `report`.

use anyhow::Result;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum AnalyseCommand {
    /// Who sits on the paths between actors (placeholder until the analysis lands).
    #[command(after_help = "Example:\n  entente brokers --db news.db --between ISR TUR --format json")]
    Brokers {
        #[arg(long, default_value = "entente.db")]
        db: std::path::PathBuf,
    },
}

pub fn run(cmd: AnalyseCommand) -> Result<ExitCode> {
    match cmd {
        AnalyseCommand::Brokers { .. } => anyhow::bail!("brokers is not implemented yet"),
    }
}
