"""factcheck-indicators: check an op-ed's figures on China's trade and innovation against public data.

Data flow (one direction): sources -> tidy frame -> store (vintages) -> claims -> figures -> pages.
"""

__version__ = "0.1.0"
