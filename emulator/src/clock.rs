//! The emulator's clock: real time by default; tests may freeze or shift it.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

#[derive(Clone, Copy, Debug, Serialize, PartialEq)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum ClockMode {
    Real,
    /// Frozen at an instant.
    Fixed {
        now: DateTime<Utc>,
    },
    /// Real time shifted by a number of milliseconds.
    Offset {
        offset_ms: i64,
    },
}

pub struct Clock(Mutex<ClockMode>);

impl Default for Clock {
    fn default() -> Self {
        Clock(Mutex::new(ClockMode::Real))
    }
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        match *self.0.lock().unwrap() {
            ClockMode::Real => Utc::now(),
            ClockMode::Fixed { now } => now,
            ClockMode::Offset { offset_ms } => Utc::now() + Duration::milliseconds(offset_ms),
        }
    }

    pub fn mode(&self) -> ClockMode {
        *self.0.lock().unwrap()
    }

    pub fn set(&self, mode: ClockMode) {
        *self.0.lock().unwrap() = mode;
    }

    /// Moves the clock forward (or back) keeping its mode: a frozen clock stays frozen.
    pub fn advance(&self, by: Duration) {
        let mut mode = self.0.lock().unwrap();
        *mode = match *mode {
            ClockMode::Real => ClockMode::Offset {
                offset_ms: by.num_milliseconds(),
            },
            ClockMode::Fixed { now } => ClockMode::Fixed { now: now + by },
            ClockMode::Offset { offset_ms } => ClockMode::Offset {
                offset_ms: offset_ms + by.num_milliseconds(),
            },
        };
    }
}
