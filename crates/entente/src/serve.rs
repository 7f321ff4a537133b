//! `entente serve`: starts the web application of the `server` crate on the
//! stored database, with this binary's pipeline for posted documents.

use crate::pipeline::Pipeline;
use crate::{load_lexicon, DbArg, LexArgs};
use anyhow::{Context, Result};
use clap::Args;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArg,
    /// Address to listen on; loopback unless you say otherwise.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
    addr: SocketAddr,
    /// Write token(s): `SECRET`, or `NAME:SECRET,NAME:SECRET` (votes are signed with NAME).
    /// Default: $ENTENTE_TOKEN, else a random token printed at start.
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    #[command(flatten)]
    lex: LexArgs,
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    // Refuse a missing database rather than serving an empty new one.
    let store = crate::open_existing(&args.db.db)?;
    drop(store);
    let spec = match args.token.or_else(|| std::env::var("ENTENTE_TOKEN").ok()) {
        Some(t) if !t.trim().is_empty() => t,
        _ => {
            let t = server::auth::random_hex().map_err(|e| {
                anyhow::anyhow!("making a token: no random numbers from the system ({e})")
            })?;
            eprintln!(
                "entente serve: write token (set ENTENTE_TOKEN or --token to choose one): {t}"
            );
            t
        }
    };
    let tokens = server::auth::parse_tokens(&spec);
    let lex = load_lexicon(&args.lex)?;
    let pipe = Pipeline::new(&lex)?.with_grammar(args.lex.grammar);
    // Countries by name, and organisations and groups (IGONAT, IMGISI) too,
    // so that the network and the pages never show a bare code they know.
    let mut names: std::collections::BTreeMap<String, String> = lex
        .organisations
        .iter()
        .filter(|o| o.code.len() > 3)
        .map(|o| (o.code.clone(), o.name.clone()))
        .collect();
    names.extend(
        lex.countries
            .iter()
            .map(|c| (c.code.clone(), c.name.clone())),
    );
    let state = server::State::new(server::Config {
        db: args.db.db.clone(),
        tokens,
        names,
        coder: Arc::new(move |d| pipe.code(d)),
    })?;
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "entente serve: warning: listening on {} is reachable from other machines; the token is sent in clear without TLS in front",
            args.addr
        );
    }
    eprintln!(
        "entente serve: http://{} (API under /api/v1, its description at /api/v1/openapi.json); Ctrl-C stops",
        args.addr
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(server::serve(Arc::new(state), args.addr))?;
    Ok(ExitCode::SUCCESS)
}
