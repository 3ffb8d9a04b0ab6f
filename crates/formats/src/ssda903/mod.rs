//! Placeholder: filled by its own work item.
