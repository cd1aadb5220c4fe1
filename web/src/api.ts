// Calls to the server's JSON API; every failure becomes an ApiFailure carrying the server's
// located errors.
import type { ApiError } from "./types";

export class ApiFailure extends Error {
  constructor(
    public status: number,
    public errors: ApiError[],
  ) {
    super(errors.map((e) => e.text).join("\n") || `HTTP ${status}`);
  }
}

async function failure(res: Response): Promise<ApiFailure> {
  try {
    const body = await res.json();
    return new ApiFailure(res.status, body.errors ?? []);
  } catch {
    return new ApiFailure(res.status, []);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw await failure(res);
  return res.json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.ok) throw await failure(res);
  return res.json() as Promise<T>;
}

/** POSTs and saves the answer as a file the browser downloads. */
export async function download(path: string, body: unknown, fallbackName: string): Promise<string> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw await failure(res);
  const disposition = res.headers.get("Content-Disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
