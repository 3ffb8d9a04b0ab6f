//! Placeholder: injection of realistic recording errors into written files.
