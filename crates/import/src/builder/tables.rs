//! The table half of the [`Builder`]: tables, rows and cells, nested up
//! to a bound, each cell's blocks kept with the table's source range.

use super::*;

impl Builder {
    /// Opens a table at `at`.
    pub(crate) fn open_table(&mut self, at: usize) {
        self.flush();
        self.pending_start = None;
        let tables = self
            .frames
            .iter()
            .filter(|f| matches!(f, Frame::Table(_)))
            .count();
        if tables >= MAX_TABLE_NESTING {
            self.tables_ignored += 1;
            return;
        }
        self.frames.push(Frame::Table(TableFrame {
            start: at,
            rows: Vec::new(),
            row_open: false,
        }));
    }

    /// Index of the innermost open table.
    pub(super) fn table_index(&self) -> Option<usize> {
        self.frames
            .iter()
            .rposition(|f| matches!(f, Frame::Table(_)))
    }

    /// Closes what is open inside the innermost table (cell, lists), leaving
    /// the table on top. False when no table is open.
    pub(super) fn unwind_to_table(&mut self) -> bool {
        self.flush();
        if self.cell_index().is_some() {
            self.close_cell();
        }
        match self.table_index() {
            Some(i) => {
                // Lists opened between cells (stray markup) end with the cell.
                self.frames.truncate(i + 1);
                true
            }
            None => false,
        }
    }

    /// Starts a new row of the innermost table.
    pub(crate) fn open_row(&mut self) {
        if !self.unwind_to_table() {
            return;
        }
        if let Some(Frame::Table(table)) = self.frames.last_mut() {
            table.rows.push(Vec::new());
            table.row_open = true;
        }
    }

    /// Ends the current row of the innermost table.
    pub(crate) fn close_row(&mut self) {
        if !self.unwind_to_table() {
            return;
        }
        if let Some(Frame::Table(table)) = self.frames.last_mut() {
            table.row_open = false;
        }
    }

    /// Starts a cell in the innermost table (a row is started if none is open).
    pub(crate) fn open_cell(&mut self) {
        if !self.unwind_to_table() {
            // A cell outside any table is just a block boundary.
            return;
        }
        if let Some(Frame::Table(table)) = self.frames.last_mut()
            && !table.row_open
        {
            table.rows.push(Vec::new());
            table.row_open = true;
        }
        self.frames.push(Frame::Cell(Vec::new()));
    }

    /// Replaces what the open cell holds (a cell re-read as HTML).
    pub(crate) fn set_cell_blocks(&mut self, blocks: Vec<Block>) {
        self.leaf = None;
        if let Some(Frame::Cell(cell)) = self.cell_index().and_then(|i| self.frames.get_mut(i)) {
            *cell = blocks;
        }
    }

    /// Ends the open cell of the innermost table and adds it to the row.
    pub(crate) fn close_cell(&mut self) {
        self.flush();
        let Some(i) = self.cell_index() else {
            return;
        };
        let cell = match self.frames.drain(i..).next() {
            Some(Frame::Cell(blocks)) => blocks,
            _ => Vec::new(),
        };
        if let Some(Frame::Table(table)) = self.frames.last_mut() {
            if table.rows.is_empty() {
                table.rows.push(Vec::new());
            }
            if let Some(row) = table.rows.last_mut() {
                row.push(cell);
            }
        }
    }

    /// Ends the innermost table at `at` and emits it as one block.
    pub(crate) fn close_table(&mut self, at: usize) {
        if self.tables_ignored > 0 {
            self.tables_ignored -= 1;
            return;
        }
        if !self.unwind_to_table() {
            return;
        }
        let Some(Frame::Table(table)) = self.frames.pop() else {
            return;
        };
        let rows: Vec<_> = table.rows.into_iter().filter(|r| !r.is_empty()).collect();
        self.last_end = self.last_end.max(at);
        if rows.is_empty() {
            return;
        }
        let block = Block {
            kind: BlockKind::Table { rows },
            text: MappedText::new(),
            range: table.start..at.max(table.start),
        };
        self.sink().push(block);
    }
}
