import Box from '@mui/material/Box';

/** Field problems that have no input on screen to sit under. */
export function FieldProblems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </Box>
  );
}
