export default function Index() {
  return <p>Reference</p>;
}
