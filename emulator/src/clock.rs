//! The emulator's clock: real time by default; tests may freeze or shift it.

use std::sync::Mutex;

use chrono::{DateTime, Datelike, Duration, Utc};
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

/// The range the emulator's clock may be moved within: SWR's time format has four-digit
/// years, and anything outside would overflow date arithmetic further on.
fn in_range(t: DateTime<Utc>) -> bool {
    (1970..=9999).contains(&t.year())
}

const OUT_OF_RANGE: &str = "the clock must stay between the years 1970 and 9999";

impl ClockMode {
    fn now(self, real: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            ClockMode::Real => Some(real),
            ClockMode::Fixed { now } => Some(now),
            ClockMode::Offset { offset_ms } => {
                real.checked_add_signed(Duration::try_milliseconds(offset_ms)?)
            }
        }
    }
}

impl Clock {
    fn mode_guard(&self) -> std::sync::MutexGuard<'_, ClockMode> {
        // Nothing panics while holding it, but a poisoned lock must not stop the emulator.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn now(&self) -> DateTime<Utc> {
        let real = Utc::now();
        self.mode().now(real).unwrap_or(real)
    }

    pub fn mode(&self) -> ClockMode {
        *self.mode_guard()
    }

    /// Sets the mode if the time it gives is in range; otherwise says why and changes nothing.
    pub fn set(&self, mode: ClockMode) -> Result<(), String> {
        match mode.now(Utc::now()) {
            Some(t) if in_range(t) => {
                *self.mode_guard() = mode;
                Ok(())
            }
            _ => Err(OUT_OF_RANGE.into()),
        }
    }

    /// Moves the clock forward (or back) keeping its mode: a frozen clock stays frozen.
    /// Out-of-range moves are refused, and nothing is computed while the lock is held.
    pub fn advance_seconds(&self, seconds: i64) -> Result<(), String> {
        let by = Duration::try_seconds(seconds).ok_or(OUT_OF_RANGE)?;
        let current = self.mode();
        let next = match current {
            ClockMode::Real => ClockMode::Offset {
                offset_ms: by.num_milliseconds(),
            },
            ClockMode::Fixed { now } => ClockMode::Fixed {
                now: now.checked_add_signed(by).ok_or(OUT_OF_RANGE)?,
            },
            ClockMode::Offset { offset_ms } => ClockMode::Offset {
                offset_ms: offset_ms
                    .checked_add(by.num_milliseconds())
                    .ok_or(OUT_OF_RANGE)?,
            },
        };
        self.set(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_moves_are_refused_and_change_nothing() {
        let c = Clock::default();
        assert!(c.advance_seconds(9_000_000_000_000).is_err());
        assert!(c.advance_seconds(i64::MAX).is_err());
        assert!(c.advance_seconds(i64::MIN).is_err());
        assert_eq!(c.mode(), ClockMode::Real);
        assert!(c
            .set(ClockMode::Offset {
                offset_ms: i64::MAX
            })
            .is_err());
        assert!(c.advance_seconds(86_400).is_ok());
        assert!(matches!(
            c.mode(),
            ClockMode::Offset {
                offset_ms: 86_400_000
            }
        ));
        let fixed = Utc::now();
        c.set(ClockMode::Fixed { now: fixed }).unwrap();
        assert!(c.advance_seconds(i64::MAX / 1000).is_err());
        assert_eq!(c.now(), fixed);
    }
}
