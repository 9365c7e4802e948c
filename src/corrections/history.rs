//! Undo and redo: the corrections made, and the ones undone that may come back.
//!
//! The corrections are a list applied in order, so undoing is taking the last one off and redoing
//! is putting it back. A new correction after an undo clears what could be redone, as in any
//! editor.

use super::Correction;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// The corrections in force, oldest first.
    pub done: Vec<Correction>,
    /// The corrections undone, the most recently undone last.
    pub undone: Vec<Correction>,
}

impl History {
    /// A history whose corrections are `done` (from storage or a link), with nothing to redo.
    pub fn new(done: Vec<Correction>) -> History {
        History {
            done,
            undone: Vec::new(),
        }
    }

    pub fn push(&mut self, correction: Correction) {
        self.done.push(correction);
        self.undone.clear();
    }

    /// Takes back the last correction; false when there is none.
    pub fn undo(&mut self) -> bool {
        match self.done.pop() {
            Some(c) => {
                self.undone.push(c);
                true
            }
            None => false,
        }
    }

    /// Puts back the last correction undone; false when there is none.
    pub fn redo(&mut self) -> bool {
        match self.undone.pop() {
            Some(c) => {
                self.done.push(c);
                true
            }
            None => false,
        }
    }

    /// Removes correction `k` (a stale one the reader dismisses); false when there is none.
    pub fn remove(&mut self, k: usize) -> bool {
        if k < self.done.len() {
            self.done.remove(k);
            self.undone.clear();
            true
        } else {
            false
        }
    }
}
