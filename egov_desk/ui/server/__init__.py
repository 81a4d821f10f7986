"""The window on a workspace kept on a PostgreSQL server: 文件 → 连接服务器…, and what the window does there."""
