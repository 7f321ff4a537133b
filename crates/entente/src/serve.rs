//! `entente serve`: starts the web application of the `server` crate on the
//! stored database, with this binary's pipeline for posted documents, and
//! with `--watch` the feed watcher (`watch.rs`) beside it.

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
    /// Feeds (RSS, Atom, JSON Feed) or article pages to poll while serving, as `entente watch` does; new articles show in the pages and the API.
    #[arg(long, value_name = "URL", num_args = 1..)]
    watch: Vec<String>,
    /// With --watch: time between rounds (e.g. 90s, 15m, 2h).
    #[arg(long, default_value = "15m", value_parser = crate::watch::parse_duration, requires = "watch")]
    every: std::time::Duration,
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
    if !args.watch.is_empty() && args.every.is_zero() {
        return Err(crate::usage("--every must be longer than 0 (e.g. 15m)"));
    }
    let pipe = Arc::new(Pipeline::new(&lex)?.with_grammar(args.lex.grammar));
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
        coder: {
            let pipe = Arc::clone(&pipe);
            Arc::new(move |d| pipe.code(d))
        },
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
    let watcher = (!args.watch.is_empty()).then(|| {
        let cfg = crate::watch::Config {
            urls: args.watch.clone(),
            ..crate::watch::Config::default()
        };
        let (db, every) = (args.db.db.clone(), args.every);
        Box::new(move |stop: server::Stop| watch_rounds(&db, cfg, every, &pipe, &stop))
            as server::Background
    });
    rt.block_on(server::serve_with(Arc::new(state), args.addr, watcher))?;
    Ok(ExitCode::SUCCESS)
}

/// The feed watcher's rounds beside the server, until it stops: on a
/// blocking thread with a connection of its own, since fetching is blocking
/// (`ureq`) and a round may take minutes. A failed round is reported and the
/// next one tried; a round in progress finishes before the server's exit.
fn watch_rounds(
    db: &std::path::Path,
    cfg: crate::watch::Config,
    every: std::time::Duration,
    pipe: &Pipeline,
    stop: &server::Stop,
) {
    let mut store = match store::Store::open(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("entente serve: watch: {e}; not watching");
            return;
        }
    };
    let mut watcher = crate::watch::Watcher::new(cfg);
    while !stop.is_set() {
        let started = std::time::Instant::now();
        match watcher.run_round(&mut store, &|d| pipe.code(d)) {
            Ok(report) => {
                crate::watch::print_report(&report);
                eprintln!(
                    "entente serve: watch: {} new document(s), {} URL(s) failed",
                    report.stored(),
                    report.failed()
                );
            }
            Err(e) => eprintln!("entente serve: watch: {e:#}"),
        }
        if stop.wait(every.saturating_sub(started.elapsed())) {
            break;
        }
    }
    eprintln!("entente serve: watch stopped");
}
