"""cep-server: the team server of CEP Desk (sync, transfer, stats, opaque backups).

Never imported by cep_desk. Speaks the contract of docs/sync-protocol.md.
"""
