use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;
use swr_emulator::faults::Fault;
use swr_emulator::seed::Seed;
use swr_emulator::{app, server, Emulator, ErrorShape, MissingShare, Options};

/// A local SWR (SoftWare Repository for Container) emulator: the shared-account API,
/// organization and repository lists, and IAM tokens.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 8180)]
    port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Demo data file (defaults to the demo data built into the emulator).
    #[arg(long)]
    data: Option<PathBuf>,
    /// Keep the state in this file across restarts (written atomically after each change).
    #[arg(long)]
    state: Option<PathBuf>,
    /// Shape of SWR error bodies.
    #[arg(long, value_enum, default_value = "object")]
    error_shape: ErrorShape,
    /// What GET one answers for an account without a share.
    #[arg(long, value_enum, default_value = "exist")]
    missing_share: MissingShare,
    /// Freeze the clock at this UTC instant (RFC 3339).
    #[arg(long)]
    clock: Option<chrono::DateTime<chrono::Utc>>,
    /// Delay every answer by this many milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Throttle like the API gateway: at most N requests a second per user (429
    /// `APIGW.0308` beyond); 0 = off.
    #[arg(long, default_value_t = 0)]
    rate_limit: u32,
    /// Inject a fault: `METHOD PATH => STATUS [CODE [MESSAGE]]`, `=> malformed` or `=> drop`.
    #[arg(long)]
    fault: Vec<String>,
    /// Issue a token for this demo user at start and print it.
    #[arg(long, default_value = "alice")]
    demo_user: String,
    /// Also write that token to this file (for scripts).
    #[arg(long)]
    token_file: Option<PathBuf>,
}

#[tokio::main]
async fn main() {
    if let Err(e) = run(Args::parse()).await {
        eprintln!("swr-emulator: {e}");
        std::process::exit(2);
    }
}

async fn run(args: Args) -> Result<(), String> {
    let seed = match &args.data {
        Some(p) => Seed::parse(
            &std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        )?,
        None => Seed::demo(),
    };
    let options = Options {
        error_shape: args.error_shape,
        missing_share: args.missing_share,
        state_file: args.state.clone(),
        rate_limit: args.rate_limit,
    };
    let emu = Emulator::new(seed, options)?;
    if let Some(now) = args.clock {
        emu.clock
            .set(swr_emulator::clock::ClockMode::Fixed { now })
            .map_err(|e| format!("--clock: {e}"))?;
    }
    *emu.faults.latency_ms.lock().unwrap() = args.latency_ms;
    for spec in &args.fault {
        emu.faults
            .rules
            .lock()
            .unwrap()
            .push(Fault::parse(spec).map_err(|e| format!("--fault {spec:?}: {e}"))?);
    }
    let addr: SocketAddr = format!("{}:{}", args.host, args.port)
        .parse()
        .map_err(|e| format!("bad address: {e}"))?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;

    let now = emu.clock.now();
    let demo = {
        let user = args.demo_user.clone();
        emu.mutate(move |store| {
            let u = store.users.iter().find(|u| u.name == user).cloned();
            u.map(|u| (store.issue_token(&u.id, now).0, u))
        })
        .await
    };
    // The first line is machine-readable: tests read the port from it.
    println!("swr-emulator listening on http://{local}");
    if let Some((token, user)) = &demo {
        println!(
            "demo sign-in: user {} / password {} / account {} / project {}",
            user.name,
            user.password,
            user.domain.name,
            emu.store.lock().unwrap().project.name
        );
        println!("demo token (valid 24 h): {token}");
        if let Some(p) = &args.token_file {
            swr_emulator::store::write_atomically(p, token)
                .map_err(|e| format!("cannot write {}: {e}", p.display()))?;
        }
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();

    let shutdown = async {
        let ctrl_c = tokio::signal::ctrl_c();
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("signal handler");
        tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
    };
    server::serve(listener, app(emu), shutdown).await;
    Ok(())
}
