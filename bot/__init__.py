"""MMSSC assistant: maturity self-assessments of smart sustainable communities (ISO/TS 37107 draft)."""

__version__ = "0.1.0"
